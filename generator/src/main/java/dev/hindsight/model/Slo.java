package dev.hindsight.model;

import java.util.Objects;
import java.util.Optional;

/** A service level objective: {@code target} percent good over a rolling window. */
public record Slo(String name, Optional<String> description, double target, int windowDays) {
  public Slo {
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    if (!(target > 0 && target < 100)) throw new IllegalArgumentException("SLO target must be in (0, 100): " + target);
    if (windowDays < 1) throw new IllegalArgumentException("SLO window must be at least a day");
  }
}
