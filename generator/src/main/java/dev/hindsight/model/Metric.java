package dev.hindsight.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A time series that shows the incident, with its samples loaded (inline or from a CSV file) and
 * packed ({@link MetricPoints}).
 *
 * @param file the CSV file name in the incident folder, when the points came from one
 */
public record Metric(
    String id, String title, String unit, OptionalDouble threshold, Optional<String> source, Optional<String> file, List<MetricPoint> points) {
  public Metric {
    Objects.requireNonNull(id);
    Objects.requireNonNull(title);
    Objects.requireNonNull(unit);
    Objects.requireNonNull(threshold);
    Objects.requireNonNull(source);
    Objects.requireNonNull(file);
    points = MetricPoints.copyOf(points);
  }
}
