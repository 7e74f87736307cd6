package dev.hindsight.cli;

import dev.hindsight.diagnostic.ReportFormat;
import picocli.CommandLine.Option;

/** How diagnostics are reported and judged. */
final class ReportOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Diagnostics as text (like a compiler), json, or github (pull-request annotations). Default: ${DEFAULT-VALUE}.")
  ReportFormat format;

  @Option(names = "--strict", description = "Treat warnings as errors (exit 1).")
  boolean strict;
}
