package dev.hindsight.model;

import java.util.Objects;
import java.util.Optional;

/** One level of the site's severity scale; {@code rank} 0 is the most severe. */
public record SeverityLevel(String name, Optional<String> description, int rank) {
  public SeverityLevel {
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
  }
}
