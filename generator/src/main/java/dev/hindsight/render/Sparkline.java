package dev.hindsight.render;

import dev.hindsight.model.MetricPoint;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Scales a metric series into SVG coordinates for a small static chart: x by time, y by value
 * (inverted, as SVG's y grows downwards), with the threshold included in the value range.
 */
public final class Sparkline {
  public static final int WIDTH = 600;
  public static final int HEIGHT = 120;
  private static final int PAD = 4;

  private Sparkline() {}

  /** The {@code points} attribute of an SVG polyline, or "" for fewer than two samples. */
  public static String polyline(List<MetricPoint> points, OptionalDouble threshold) {
    if (points.size() < 2) return "";
    Range r = range(points, threshold);
    long t0 = points.get(0).epochMilli();
    long t1 = points.get(points.size() - 1).epochMilli();
    double span = Math.max(1, t1 - t0);
    StringBuilder sb = new StringBuilder();
    for (MetricPoint p : points) {
      double x = PAD + (p.epochMilli() - t0) / span * (WIDTH - 2 * PAD);
      if (sb.length() > 0) sb.append(' ');
      sb.append(fmt(x)).append(',').append(fmt(y(p.value(), r)));
    }
    return sb.toString();
  }

  /** The y coordinate of the threshold line, or "" when there is none. */
  public static String thresholdY(List<MetricPoint> points, OptionalDouble threshold) {
    if (threshold.isEmpty() || points.size() < 2) return "";
    return fmt(y(threshold.getAsDouble(), range(points, threshold)));
  }

  private record Range(double min, double max) {}

  private static Range range(List<MetricPoint> points, OptionalDouble threshold) {
    double min = points.stream().mapToDouble(MetricPoint::value).min().orElse(0);
    double max = points.stream().mapToDouble(MetricPoint::value).max().orElse(1);
    if (threshold.isPresent()) {
      min = Math.min(min, threshold.getAsDouble());
      max = Math.max(max, threshold.getAsDouble());
    }
    min = Math.min(min, 0);
    if (max == min) max = min + 1;
    return new Range(min, max);
  }

  private static double y(double value, Range r) {
    return PAD + (1 - (value - r.min()) / (r.max() - r.min())) * (HEIGHT - 2 * PAD);
  }

  /**
   * {@link #fmt} for the usual coordinate (0 to 1,000,000, written without an exponent): rounds
   * the shortest decimal digits half up at one decimal, as the formatter does, on the string;
   * null otherwise.
   */
  static String quickFmt(double v) {
    if (!(v >= 0.001 && v < 1_000_000)) return null;
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0) return null;
    int dot = s.indexOf('.');
    char[] out = new char[dot + 3];
    s.getChars(0, dot + 2, out, 1);
    out[0] = '0';
    boolean up = dot + 2 < s.length() && s.charAt(dot + 2) >= '5';
    for (int k = dot + 2; up && k >= 0; k--) {
      if (out[k] == '.') continue;
      if (out[k] == '9') {
        out[k] = '0';
      } else {
        out[k]++;
        up = false;
      }
    }
    return out[0] == '0' ? new String(out, 1, dot + 2) : new String(out, 0, dot + 3);
  }

  /** One decimal, as {@code String.format("%.1f")} would print it (half-up), without the cost of a formatter. */
  static String fmt(double v) {
    String quick = quickFmt(v);
    if (quick != null) return quick;
    if (!Double.isFinite(v) || Math.abs(v) >= 1e15) return String.format(Locale.ROOT, "%.1f", v);
    String s = java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    return (v < 0 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) && s.equals("0.0") ? "-0.0" : s;
  }
}
