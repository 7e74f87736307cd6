package dev.hindsight.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed with the R-7 rule: rank = p x (n - 1), interpolate between neighbours. */
class PercentilesTest {
  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Percentiles.median(List.of(10.0, 20.0, 30.0, 40.0)).getAsDouble()).isEqualTo(25.0);
    assertThat(Percentiles.median(List.of(10.0, 20.0, 60.0)).getAsDouble()).isEqualTo(20.0);
  }

  @Test
  void p90InterpolatesBetweenRanks() {
    // rank 0.9 x 3 = 2.7: 30 + 0.7 x (40 - 30) = 37
    assertThat(Percentiles.of(List.of(10.0, 20.0, 30.0, 40.0), 90).getAsDouble()).isCloseTo(37.0, within(1e-9));
    // rank 0.9 x 9 = 8.1: 9 + 0.1 x (10 - 9) = 9.1
    assertThat(Percentiles.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90).getAsDouble()).isCloseTo(9.1, within(1e-9));
  }

  @Test
  void oneValueIsEveryPercentileAndNoValuesHaveNone() {
    assertThat(Percentiles.of(List.of(5.0), 90).getAsDouble()).isEqualTo(5.0);
    assertThat(Percentiles.median(List.of())).isEmpty();
  }
}
