package dev.hindsight.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who and what the incident affected, in business terms. Text fields are Markdown.
 *
 * @param badFraction the share of requests that failed in the impact window (0..1), if known
 */
public record Impact(
    Optional<String> summary,
    OptionalLong usersAffected,
    List<String> regions,
    Optional<Money> revenueLoss,
    Optional<String> slo,
    Optional<String> blastRadius,
    java.util.OptionalDouble badFraction) {
  public static final Impact NONE = new Impact(
      Optional.empty(), OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), java.util.OptionalDouble.empty());

  public Impact {
    Objects.requireNonNull(summary);
    Objects.requireNonNull(usersAffected);
    regions = List.copyOf(regions);
    Objects.requireNonNull(revenueLoss);
    Objects.requireNonNull(slo);
    Objects.requireNonNull(blastRadius);
    Objects.requireNonNull(badFraction);
    if (badFraction.isPresent() && !(badFraction.getAsDouble() >= 0 && badFraction.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("bad_fraction must be within 0..1");
    }
  }
}
