package dev.hindsight.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident post-mortem, as validated. Long text fields hold Markdown.
 *
 * @param sourcePath the file's path relative to the input folder (forward slashes), for links
 * @param file the file on disk, for diagnostics
 */
public record Incident(
    String id,
    String title,
    IncidentStatus status,
    Optional<Visibility> visibility,
    String severity,
    Optional<String> summary,
    OffsetDateTime started,
    Optional<OffsetDateTime> detected,
    Optional<OffsetDateTime> mitigated,
    Optional<OffsetDateTime> resolved,
    List<String> services,
    List<String> tags,
    List<String> authors,
    Optional<String> facilitator,
    Impact impact,
    List<TimelineEntry> timeline,
    List<Metric> metrics,
    Optional<Rca> rca,
    List<Action> actions,
    Optional<LocalDate> reviewOn,
    List<String> related,
    Optional<LocalDate> publishedOn,
    List<LintException> lintExceptions,
    String narrative,
    String sourcePath,
    Path file) {
  public Incident {
    Objects.requireNonNull(id);
    Objects.requireNonNull(title);
    Objects.requireNonNull(status);
    Objects.requireNonNull(visibility);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(summary);
    Objects.requireNonNull(started);
    Objects.requireNonNull(detected);
    Objects.requireNonNull(mitigated);
    Objects.requireNonNull(resolved);
    if (services.isEmpty()) throw new IllegalArgumentException("an incident affects at least one service");
    services = List.copyOf(services);
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
    Objects.requireNonNull(facilitator);
    Objects.requireNonNull(impact);
    timeline = List.copyOf(timeline);
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(rca);
    actions = List.copyOf(actions);
    Objects.requireNonNull(reviewOn);
    related = List.copyOf(related);
    Objects.requireNonNull(publishedOn);
    lintExceptions = List.copyOf(lintExceptions);
    Objects.requireNonNull(narrative);
    Objects.requireNonNull(sourcePath);
    Objects.requireNonNull(file);
  }

  /** From start to resolution (or to mitigation when not resolved), if known. */
  public Optional<Duration> duration() {
    return resolved.or(() -> mitigated).map(end -> Duration.between(started, end));
  }

  /**
   * Every evidence reference the incident makes, in document order: timeline evidence, then the
   * evidence of root causes, of contributing factors, and of the analysis as a whole.
   */
  public List<String> references() {
    List<String> refs = new java.util.ArrayList<>();
    timeline.forEach(e -> e.evidence().ifPresent(refs::add));
    rca.ifPresent(r -> {
      r.rootCauses().forEach(f -> refs.addAll(f.evidence()));
      r.contributingFactors().forEach(f -> refs.addAll(f.evidence()));
      r.evidence().forEach(e -> refs.add(e.ref()));
    });
    return refs;
  }

  /** Whether the author switched the lint with this code off for this incident. */
  public boolean exempts(String lintCode) {
    return lintExceptions.stream().anyMatch(e -> e.rule().equals(lintCode));
  }

  /** Its own {@code visibility:}, or the site's default when it sets none. */
  public Visibility visibility(SiteConfig config) {
    return visibility.orElse(config.defaultVisibility());
  }

  /**
   * The same incident with {@code related} cut down to the ids a site holds, so that a public
   * build does not name the internal incidents it leaves out.
   */
  public Incident withRelatedAmong(java.util.Set<String> ids) {
    List<String> kept = related.stream().filter(ids::contains).toList();
    if (kept.size() == related.size()) return this;
    return new Incident(id, title, status, visibility, severity, summary, started, detected, mitigated, resolved, services, tags, authors,
        facilitator, impact, timeline, metrics, rca, actions, reviewOn, kept, publishedOn, lintExceptions, narrative, sourcePath, file);
  }

  /** The incident with an empty narrative: all that is shown of it beyond its own page and the search index. */
  public Incident withoutNarrative() {
    if (narrative.isEmpty()) return this;
    return new Incident(id, title, status, visibility, severity, summary, started, detected, mitigated, resolved, services, tags, authors,
        facilitator, impact, timeline, metrics, rca, actions, reviewOn, related, publishedOn, lintExceptions, "", sourcePath, file);
  }

  public boolean isDraft() {
    return status == IncidentStatus.DRAFT;
  }
}
