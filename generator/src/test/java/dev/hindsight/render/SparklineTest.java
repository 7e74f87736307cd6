package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.MetricPoint;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SparklineTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-04T09:00:00+01:00");

  @Test
  void scalesTimeToWidthAndValuesToHeightWithTheMaximumAtTheTop() {
    List<MetricPoint> points = List.of(new MetricPoint(T0, 0), new MetricPoint(T0.plusMinutes(10), 50), new MetricPoint(T0.plusMinutes(20), 100));
    assertThat(Sparkline.polyline(points, OptionalDouble.empty())).isEqualTo("4.0,116.0 300.0,60.0 596.0,4.0");
  }

  @Test
  void includesTheThresholdInTheRange() {
    List<MetricPoint> points = List.of(new MetricPoint(T0, 0), new MetricPoint(T0.plusMinutes(10), 50));
    assertThat(Sparkline.thresholdY(points, OptionalDouble.of(100))).isEqualTo("4.0");
    assertThat(Sparkline.polyline(points, OptionalDouble.of(100))).endsWith("596.0,60.0");
  }

  @Test
  void drawsNothingForASingleSample() {
    assertThat(Sparkline.polyline(List.of(new MetricPoint(T0, 1)), OptionalDouble.empty())).isEmpty();
  }

  @Test
  void formatsCoordinatesExactlyAsStringFormatWould() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int n = 0; n < 200_000; n++) {
      double v = switch (n % 4) {
        case 0 -> r.nextDouble(-1000, 1000);
        case 1 -> Math.round(r.nextDouble(-100, 100) * 100) / 100.0;
        case 2 -> (r.nextInt(20001) - 10000) / 20.0;
        default -> r.nextDouble(-0.1, 0.1);
      };
      org.assertj.core.api.Assertions.assertThat(Sparkline.fmt(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", v));
    }
    for (int n = 0; n < 200_000; n++) {
      double v = n % 2 == 0 ? r.nextDouble(0, 1_000_000) : Math.round(r.nextDouble(0, 1000) * 100) / 100.0;
      org.assertj.core.api.Assertions.assertThat(Sparkline.fmt(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", v));
    }
    for (double v : new double[] {0.0, -0.0, 0.05, 0.15, 0.25, -0.05, 1e20, Double.NaN, 9.95, 99.96, 999999.96, 0.001, 0.04, 0.0009, 596.0, 4.0}) {
      org.assertj.core.api.Assertions.assertThat(Sparkline.fmt(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", v));
    }
  }
}
