package dev.hindsight.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One sample of a metric series. The time is kept as seconds, nanoseconds and offset rather than
 * as an {@link OffsetDateTime} (four objects). A metric keeps its samples packed
 * ({@link MetricPoints}), which makes one of these for each sample it is asked for.
 *
 * @param epochSecond the instant, in seconds since 1970-01-01T00:00Z
 * @param nano the nanoseconds within that second
 * @param offsetSeconds the UTC offset the time was written with, in seconds
 */
public record MetricPoint(long epochSecond, int nano, int offsetSeconds, double value) {
  public MetricPoint {
    if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite value: " + value);
  }

  public MetricPoint(OffsetDateTime at, double value) {
    this(Objects.requireNonNull(at).toEpochSecond(), at.getNano(), at.getOffset().getTotalSeconds(), value);
  }

  /** The time of the sample, with the offset it was written with. */
  public OffsetDateTime at() {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nano), ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /** Whether this sample was taken before {@code other} (their instants compared, as {@link OffsetDateTime#isBefore} does). */
  public boolean isBefore(MetricPoint other) {
    return epochSecond < other.epochSecond || epochSecond == other.epochSecond && nano < other.nano;
  }

  /** The time in milliseconds since 1970-01-01T00:00Z, for charts. */
  public long epochMilli() {
    return epochSecond * 1000 + nano / 1_000_000;
  }
}
