package dev.hindsight.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/** One sample of a metric series. */
public record MetricPoint(OffsetDateTime at, double value) {
  public MetricPoint {
    Objects.requireNonNull(at);
    if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite value: " + value);
  }
}
