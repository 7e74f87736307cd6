package dev.hindsight.model;

/** Tunables of the analysis stage and its lints, from {@code analysis:} in hindsight.yaml. */
public record AnalysisSettings(int recurrenceWindowDays, int similarIncidents, int sev1MaxActionDays, int publishWithinDays) {
  public static final AnalysisSettings DEFAULTS = new AnalysisSettings(90, 5, 30, 5);

  public AnalysisSettings {
    if (recurrenceWindowDays < 1) throw new IllegalArgumentException("recurrence window must be at least a day");
    if (similarIncidents < 0) throw new IllegalArgumentException("similar incidents cannot be negative");
  }
}
