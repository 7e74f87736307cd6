package dev.hindsight.validate;

import dev.hindsight.diagnostic.Diagnostic;
import java.util.List;

/** What a validation found, for a report of it: every diagnostic (in report order) and how many files were checked. */
public record ValidationReport(List<Diagnostic> diagnostics, int files) {
  public ValidationReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return diagnostics.stream().anyMatch(d -> !d.isError());
  }
}
