package dev.hindsight.model;

import java.util.List;
import java.util.Objects;

/** A root cause or contributing factor (Markdown) with the references that back it. */
public record Finding(String description, List<String> evidence) {
  public Finding {
    Objects.requireNonNull(description);
    evidence = List.copyOf(evidence);
  }
}
