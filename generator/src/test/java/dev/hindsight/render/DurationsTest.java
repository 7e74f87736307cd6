package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void formatsDurationsAsPeopleSayThem() {
    assertThat(Durations.human(Duration.ofSeconds(20))).isEqualTo("< 1 min");
    assertThat(Durations.human(Duration.ofMinutes(35))).isEqualTo("35 min");
    assertThat(Durations.human(Duration.ofMinutes(102))).isEqualTo("1 h 42 min");
    assertThat(Durations.human(Duration.ofHours(2))).isEqualTo("2 h");
    assertThat(Durations.human(Duration.ofHours(51))).isEqualTo("2 d 3 h");
  }

  @Test
  void formatsOffsetsFromTheStart() {
    assertThat(Durations.offset(Duration.ZERO)).isEqualTo("T+0");
    assertThat(Durations.offset(Duration.ofMinutes(14))).isEqualTo("T+14 min");
    assertThat(Durations.offset(Duration.ofHours(-2))).isEqualTo("T−2 h");
  }
}
