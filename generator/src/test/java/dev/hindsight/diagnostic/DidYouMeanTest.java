package dev.hindsight.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  private static final List<String> KINDS = List.of("cause", "detection", "escalation", "action", "communication", "mitigation", "resolution");

  @Test
  void suggestsTheClosestWordForATypo() {
    assertThat(DidYouMean.closest("mitigaton", KINDS)).contains("mitigation");
    assertThat(DidYouMean.closest("sevrity", List.of("severity", "services", "summary"))).contains("severity");
    assertThat(DidYouMean.closest("SEV5", List.of("SEV1", "SEV2", "SEV3", "SEV4"))).isPresent();
  }

  @Test
  void suggestsAWordThatTheInputBegins() {
    assertThat(DidYouMean.closest("detect", KINDS)).contains("detection");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(DidYouMean.closest("banana", KINDS)).isEmpty();
    assertThat(DidYouMean.hint("banana", List.of("a1", "b2"))).isEqualTo("use one of: a1, b2");
  }

  @Test
  void countsATranspositionAsOneEdit() {
    assertThat(DidYouMean.distance("teh", "the")).isEqualTo(1);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }
}
