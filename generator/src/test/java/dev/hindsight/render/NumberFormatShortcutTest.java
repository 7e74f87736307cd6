package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shortcut that prints metric values on incident pages must print what the formatter prints. */
class NumberFormatShortcutTest {

  @Test
  void printsEveryUsualValueExactlyAsTheFormatterWould() {
    SplittableRandom r = new SplittableRandom(11);
    int quick = 0;
    for (int n = 0; n < 200_000; n++) {
      double v = switch (n % 6) {
        case 0 -> Math.round(r.nextDouble(-5000, 5000) * 100) / 100.0;
        case 1 -> r.nextLong(-10_000_000_000L, 10_000_000_000L);
        case 2 -> Math.round(r.nextDouble(0, 1) * 10_000) / 10_000.0;
        case 3 -> Math.round(r.nextDouble(0, 1_000_000) * 10) / 10.0;
        case 4 -> r.nextDouble(-1e6, 1e6);
        default -> Math.round(r.nextDouble(0, 0.01) * 1e6) / 1e6;
      };
      String shortcut = IncidentViews.quickNumber(v);
      if (shortcut != null) quick++;
      assertThat(shortcut == null ? IncidentViews.slowNumber(v) : shortcut).as("%s", v).isEqualTo(IncidentViews.slowNumber(v));
    }
    assertThat(quick).as("values the shortcut printed itself").isGreaterThan(150_000);
  }

  @Test
  void leavesTheUnusualCasesToTheFormatter() {
    for (double v : new double[] {-0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e21, 1.5e-7, 0.1234567, 123456789.1234567}) {
      assertThat(IncidentViews.quickNumber(v)).as("%s", v).isNull();
    }
    assertThat(IncidentViews.quickNumber(1234567.5)).isEqualTo("1,234,567.5");
    assertThat(IncidentViews.quickNumber(-999.25)).isEqualTo("-999.25");
    assertThat(IncidentViews.quickNumber(0)).isEqualTo("0");
    assertThat(IncidentViews.quickNumber(100)).isEqualTo("100");
    assertThat(IncidentViews.quickNumber(1.5e10)).isEqualTo("15,000,000,000");
    assertThat(IncidentViews.quickNumber(12345678.25)).isEqualTo("12,345,678.25");
    for (double v : new double[] {1.2345678901234567e17, 9.99e18, 1e7, 4.5e-3}) {
      String shortcut = IncidentViews.quickNumber(v);
      assertThat(shortcut == null ? IncidentViews.slowNumber(v) : shortcut).as("%s", v).isEqualTo(IncidentViews.slowNumber(v));
    }
  }
}
