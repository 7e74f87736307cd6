package dev.hindsight.analyze;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Percentiles by linear interpolation between closest ranks (the "R-7" definition used by
 * spreadsheets' PERCENTILE.INC and NumPy's default), so that figures can be checked by hand.
 */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile (0..100) of {@code sortedValues}, or empty for no values. */
  public static OptionalDouble of(List<Double> sortedValues, double p) {
    if (sortedValues.isEmpty()) return OptionalDouble.empty();
    double rank = (p / 100.0) * (sortedValues.size() - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    double fraction = rank - lower;
    return OptionalDouble.of(sortedValues.get(lower) + fraction * (sortedValues.get(upper) - sortedValues.get(lower)));
  }

  public static OptionalDouble median(List<Double> sortedValues) {
    return of(sortedValues, 50);
  }
}
