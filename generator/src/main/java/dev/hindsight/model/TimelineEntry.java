package dev.hindsight.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** One moment of the incident. {@code event} is Markdown; evidence is a reference. */
public record TimelineEntry(Optional<String> id, OffsetDateTime at, String event, TimelineKind kind, Optional<String> evidence) {
  public TimelineEntry {
    Objects.requireNonNull(id);
    Objects.requireNonNull(at);
    Objects.requireNonNull(event);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(evidence);
  }
}
