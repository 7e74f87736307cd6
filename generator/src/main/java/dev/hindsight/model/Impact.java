package dev.hindsight.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Who and what the incident affected, in business terms. Text fields are Markdown. */
public record Impact(
    Optional<String> summary,
    OptionalLong usersAffected,
    List<String> regions,
    Optional<Money> revenueLoss,
    Optional<String> slo,
    Optional<String> blastRadius) {
  public static final Impact NONE =
      new Impact(Optional.empty(), OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public Impact {
    Objects.requireNonNull(summary);
    Objects.requireNonNull(usersAffected);
    regions = List.copyOf(regions);
    Objects.requireNonNull(revenueLoss);
    Objects.requireNonNull(slo);
    Objects.requireNonNull(blastRadius);
  }
}
