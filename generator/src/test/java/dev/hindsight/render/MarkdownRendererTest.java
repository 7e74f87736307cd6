package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void rendersTablesStrikethroughAutolinksAndHeadingAnchors() {
    String html = markdown.block("## Root cause\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~wrong~~ see https://example.com/x\n");
    assertThat(html).contains("<h2 id=\"md-root-cause\"><a href=\"#md-root-cause\" class=\"anchor\">Root cause</a></h2>").contains("<table class=\"md-table\">").contains("<del>wrong</del>")
        .contains("<a href=\"https://example.com/x\">");
  }

  @Test
  void keepsTheLanguageOfCodeBlocksForHighlighting() {
    assertThat(markdown.block("```sql\nSELECT * FROM orders;\n```\n")).contains("<code class=\"language-sql\">SELECT * FROM orders;");
  }

  @Test
  void stripsScriptsEventHandlersAndDangerousLinks() {
    String html = markdown.block("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"data:text/html,hi\">d</a>\n");
    assertThat(html).doesNotContain("<script", "onerror", "javascript:", "data:");
  }

  @Test
  void prefixesIdsSoThatMarkdownCannotClashWithOrClobberThePage() {
    String html = markdown.block("## Impact\n\n<a id=\"search-input\" href=\"#impact\">x</a>\n");
    assertThat(html).contains("id=\"md-impact\"", "href=\"#md-impact\"", "id=\"md-search-input\"").doesNotContain("id=\"impact\"", "id=\"search-input\"");
  }

  @Test
  void keepsRelativeLinksToFilesInTheIncidentFolder() {
    assertThat(markdown.inline("see [the plan](files/plan.txt)")).isEqualTo("see <a href=\"files/plan.txt\">the plan</a>");
  }
}
