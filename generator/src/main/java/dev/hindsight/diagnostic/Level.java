package dev.hindsight.diagnostic;

/** How serious a diagnostic is: errors stop a build, warnings only advise. */
public enum Level {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
