package dev.hindsight.diagnostic;

/** How diagnostics are printed: for people, for tools, or for GitHub pull-request annotations. */
public enum ReportFormat {
  TEXT,
  JSON,
  GITHUB
}
