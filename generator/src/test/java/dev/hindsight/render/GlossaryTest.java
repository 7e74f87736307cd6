package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlossaryTest {
  @Test
  void linksTheFirstUseOfATermToItsEntry() {
    String html = Glossary.link("<p>A deadlock, then another deadlock.</p>", "../../glossary/");
    assertThat(html).startsWith("<p>A <a class=\"term\" href=\"../../glossary/#deadlock\" title=\"Two database transactions")
        .endsWith(">deadlock</a>, then another deadlock.</p>");
  }

  @Test
  void leavesCodeLinksAndHeadingsAlone() {
    String html = "<h2>Deadlock</h2><p><code>deadlock detected</code> and <a href=\"x\">replication lag</a></p>";
    assertThat(Glossary.link(html, "g/")).isEqualTo(html);
  }

  @Test
  void matchesAbbreviationsOnlyInCapitals() {
    assertThat(Glossary.link("<p>the slo and the SLO</p>", "g/")).contains("the slo and the <a class=\"term\" href=\"g/#slo\"");
  }

  @Test
  void everyTermHasADefinitionInPlainWords() {
    assertThat(Glossary.TERMS).extracting(Glossary.Term::anchor)
        .contains("rca", "blast-radius", "mitigation", "latency", "deadlock", "replication-lag", "query-plan", "index-fragmentation",
            "data-consistency", "slo", "sla");
    assertThat(Glossary.TERMS).allSatisfy(t -> assertThat(t.definition()).endsWith(".").hasSizeGreaterThan(40));
  }
}
