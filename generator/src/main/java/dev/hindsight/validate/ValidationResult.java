package dev.hindsight.validate;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What validation gives the later stages: the configuration, the incidents that could be read
 * (sorted newest first), every diagnostic (in report order), how many files were checked, and,
 * when validation went through its cache, each incident's source key by its source path: a digest
 * of everything it was read from (see {@code ValidationCache.sourceKey}), which the page cache
 * keys by instead of the incident's whole text.
 */
public record ValidationResult(SiteConfig config, List<Incident> incidents, List<Diagnostic> diagnostics, int files,
    Map<String, String> sourceKeys) {
  public ValidationResult {
    incidents = List.copyOf(incidents);
    diagnostics = List.copyOf(diagnostics);
    sourceKeys = Map.copyOf(sourceKeys);
  }

  /** The incidents a site or analysis covers: drafts only when asked for. */
  public List<Incident> incidents(boolean withDrafts) {
    return incidents(withDrafts, false);
  }

  /**
   * As {@link #incidents(boolean)}; with {@code publicOnly}, internal incidents are left out too,
   * and the others' {@code related} lists no longer name them.
   */
  public List<Incident> incidents(boolean withDrafts, boolean publicOnly) {
    List<Incident> chosen = incidents.stream().filter(i -> withDrafts || !i.isDraft())
        .filter(i -> !publicOnly || i.visibility(config) == Visibility.PUBLIC).toList();
    if (!publicOnly) return chosen;
    Set<String> ids = chosen.stream().map(Incident::id).collect(Collectors.toSet());
    return chosen.stream().map(i -> i.withRelatedAmong(ids)).toList();
  }

  /** The problems found, for a report. */
  public ValidationReport report() {
    return new ValidationReport(diagnostics, files);
  }

  public boolean hasErrors() {
    return report().hasErrors();
  }

  public boolean hasWarnings() {
    return report().hasWarnings();
  }
}
