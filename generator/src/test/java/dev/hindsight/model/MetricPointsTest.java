package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricPointsTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2025-03-04T09:00:00.125+05:30");

  @Test
  void holdsTheSamplesItWasGivenWithTheirOffsetsAndNanoseconds() {
    List<MetricPoint> given = List.of(new MetricPoint(T, 12.5), new MetricPoint(T.plusSeconds(30).withOffsetSameInstant(java.time.ZoneOffset.UTC), -0.0),
        new MetricPoint(T.minusYears(80), Double.MAX_VALUE));
    MetricPoints packed = MetricPoints.copyOf(given);

    assertThat(packed).hasSize(3).containsExactlyElementsOf(given).isEqualTo(given);
    assertThat(packed.hashCode()).isEqualTo(given.hashCode());
    assertThat(packed.get(0).at()).isEqualTo(T);
    assertThat(packed.get(1).at().getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(packed.get(2).epochMilli()).isEqualTo(T.minusYears(80).toInstant().toEpochMilli());
  }

  @Test
  void randomSamplesComeBackExactlyThroughTheirBytes() {
    Random random = new Random(7);
    List<MetricPoint> given = new ArrayList<>();
    for (int k = 0; k < 5000; k++) {
      given.add(new MetricPoint(random.nextLong() >> 30, random.nextInt(1_000_000_000), (random.nextInt(36) - 18) * 3600,
          random.nextBoolean() ? random.nextGaussian() * 1e6 : random.nextInt(100)));
    }
    MetricPoints packed = MetricPoints.copyOf(given);

    assertThat(packed).isEqualTo(given);
    assertThat(MetricPoints.ofBytes(packed.bytes())).isEqualTo(given);
  }

  @Test
  void aMetricKeepsItsSamplesPackedAndAPackedListIsNotCopiedAgain() {
    Metric metric = new Metric("cpu", "CPU", "%", OptionalDouble.empty(), Optional.empty(), Optional.empty(), new ArrayList<>(List.of(new MetricPoint(T, 1))));

    assertThat(metric.points()).isInstanceOf(MetricPoints.class).containsExactly(new MetricPoint(T, 1));
    assertThat(MetricPoints.copyOf(metric.points())).isSameAs(metric.points());
    assertThat(new Metric("cpu", "CPU", "%", OptionalDouble.empty(), Optional.empty(), Optional.empty(), metric.points()).points())
        .isSameAs(metric.points());
  }

  @Test
  void cannotBeChangedNorChangedThroughTheBytesItGaveOut() {
    MetricPoints packed = MetricPoints.copyOf(List.of(new MetricPoint(T, 1)));
    byte[] bytes = packed.bytes();
    java.util.Arrays.fill(bytes, (byte) 0);

    assertThat(packed.get(0)).isEqualTo(new MetricPoint(T, 1));
    assertThatThrownBy(() -> packed.add(new MetricPoint(T, 2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> packed.set(0, new MetricPoint(T, 2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> packed.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> packed.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void rejectsBytesThatAreNotWholeSamplesOrHoldAValueThatIsNotFinite() {
    byte[] nan = MetricPoints.copyOf(List.of(new MetricPoint(T, 1), new MetricPoint(T, 2))).bytes();
    java.nio.ByteBuffer.wrap(nan).putDouble(MetricPoints.BYTES + 16, Double.NaN);

    assertThatThrownBy(() -> MetricPoints.ofBytes(new byte[MetricPoints.BYTES + 1])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of samples");
    assertThatThrownBy(() -> MetricPoints.ofBytes(nan)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite value");
    assertThatThrownBy(() -> MetricPoints.copyOf(java.util.Arrays.asList(new MetricPoint(T, 1), null))).isInstanceOf(NullPointerException.class);
    assertThat(MetricPoints.ofBytes(new byte[0])).isEmpty();
  }
}
