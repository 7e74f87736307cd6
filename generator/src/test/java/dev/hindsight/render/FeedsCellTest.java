package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedsCellTest {
  @Test
  void csvCellsCannotStartAFormula() {
    assertThat(Feeds.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(Feeds.cell("+1+1")).startsWith("'");
    assertThat(Feeds.cell("-2+3")).startsWith("'");
    assertThat(Feeds.cell("@SUM(A1)")).startsWith("'");
    assertThat(Feeds.cell("\tcmd")).startsWith("'");
    assertThat(Feeds.cell("Add the index")).isEqualTo("Add the index");
    assertThat(Feeds.cell("")).isEmpty();
  }
}
