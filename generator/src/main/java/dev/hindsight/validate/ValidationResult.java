package dev.hindsight.validate;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.util.List;

/**
 * What validation gives the later stages: the configuration, the incidents that could be read
 * (sorted newest first), every diagnostic (in report order), and how many files were checked.
 */
public record ValidationResult(SiteConfig config, List<Incident> incidents, List<Diagnostic> diagnostics, int files) {
  public ValidationResult {
    incidents = List.copyOf(incidents);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The incidents a site or analysis covers: drafts only when asked for. */
  public List<Incident> incidents(boolean withDrafts) {
    return incidents.stream().filter(i -> withDrafts || !i.isDraft()).toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return diagnostics.stream().anyMatch(d -> !d.isError());
  }
}
