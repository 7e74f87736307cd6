package dev.hindsight.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Root cause analysis: category from the taxonomy, trigger, causes, factors and evidence. */
public record Rca(String category, Optional<String> trigger, List<Finding> rootCauses, List<Finding> contributingFactors, List<Evidence> evidence) {
  public Rca {
    Objects.requireNonNull(category);
    Objects.requireNonNull(trigger);
    rootCauses = List.copyOf(rootCauses);
    contributingFactors = List.copyOf(contributingFactors);
    evidence = List.copyOf(evidence);
  }
}
