package dev.hindsight.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An evidence reference as an author writes it, and what it points at. The rule is the same for
 * validation, links on the site and the files a build copies: a metric id of the incident, else a
 * timeline id, else an http(s) URL, else (when it looks like a file name) a file in the
 * incident's folder. Other link types are never followed.
 */
public record Reference(String text, Kind kind) {
  public enum Kind {
    METRIC,
    TIMELINE,
    URL,
    FILE,
    DISALLOWED_LINK,
    UNKNOWN
  }

  public Reference {
    Objects.requireNonNull(text);
    Objects.requireNonNull(kind);
  }

  /** Classifies {@code ref} within {@code incident}. */
  public static Reference of(String ref, Incident incident) {
    if (incident.metrics().stream().anyMatch(m -> m.id().equals(ref))) return new Reference(ref, Kind.METRIC);
    if (incident.timeline().stream().anyMatch(e -> e.id().filter(ref::equals).isPresent())) return new Reference(ref, Kind.TIMELINE);
    String lower = ref.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) return new Reference(ref, Kind.URL);
    if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.matches("^[a-z]:[\\\\/].*")) return new Reference(ref, Kind.DISALLOWED_LINK);
    if (ref.contains(".") || ref.contains("/")) return new Reference(ref, Kind.FILE);
    return new Reference(ref, Kind.UNKNOWN);
  }
}
