package dev.hindsight.model;

import java.util.Objects;

/** A lint switched off for one incident, with the author's reason. */
public record LintException(String rule, String reason) {
  public LintException {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(reason);
  }
}
