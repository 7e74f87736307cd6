package dev.hindsight.model;

import java.util.Objects;
import java.util.Optional;

/** A reference (metric id, timeline id, file, URL) and what it shows. */
public record Evidence(String ref, Optional<String> note) {
  public Evidence {
    Objects.requireNonNull(ref);
    Objects.requireNonNull(note);
  }
}
