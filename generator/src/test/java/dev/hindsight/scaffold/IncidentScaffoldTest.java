package dev.hindsight.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentScaffoldTest {
  @Test
  void slugsAreAsciiLowerCaseAndShort() {
    assertThat(IncidentScaffold.slug("Checkout down: réplica lag > 5 s!")).isEqualTo("checkout-down-replica-lag-5-s");
    assertThat(IncidentScaffold.slug("???")).isEqualTo("incident");
    assertThat(IncidentScaffold.slug("a".repeat(30) + " " + "b".repeat(40))).isEqualTo("a".repeat(30));
  }

  @Test
  void titlesAreQuotedSafelyForYaml() {
    assertThat(IncidentScaffold.yamlString("Say \"no\": #1 \\ done")).isEqualTo("\"Say \\\"no\\\": #1 \\\\ done\"");
  }
}
