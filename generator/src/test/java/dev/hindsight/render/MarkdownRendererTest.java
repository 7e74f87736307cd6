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

  /** The shortcut for plain sentences must give what flexmark and the sanitiser give, byte for byte. */
  @Test
  void plainSentencesSkipTheParserWithTheSameResult() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    String safe = "abcdefgXYZ ÄéŽж019 ,.;'()%/+=?-";
    String risky = "_*#<>&\"`[]!|~:@\\\n\t\u00a0w";
    int shortcut = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(3) == 0) sb.append("Deadlock on orders-db ");
      if (r.nextInt(4) == 0) sb.append(r.nextBoolean() ? "created_at index_" : "the a_b_c column ");
      for (int k = 0, len = 1 + r.nextInt(24); k < len; k++) {
        String from = r.nextInt(40) == 0 ? risky : safe;
        sb.append(from.charAt(r.nextInt(from.length())));
      }
      String text = sb.toString();
      if (MarkdownRenderer.isPlainSentence(text)) shortcut++;
      assertThat(markdown.block(text)).as("%s", text).isEqualTo(markdown.parsed(text));
      assertThat(markdown.plain(text)).as("plain text of %s", text).isEqualTo(markdown.slowPlain(text));
    }
    for (String text : java.util.List.of("Replica lag reached 48 s (p99), then the failover ran.", "1. not a sentence", "- a list", "see www.example.com",
        "Ends with a colon:", "two  spaces", "Δ latency rose by 40%", "a = b", "Why?", "x+y", "The created_at index was missing.",
        "_created_at_ was slow", "created__at", "a _b_ c", "snake_case_name", "x_1 and y_2", "ends_")) {
      assertThat(markdown.block(text)).as(text).isEqualTo(markdown.parsed(text));
    }
    assertThat(shortcut).as("the shortcut is taken often").isGreaterThan(500);
  }

  /**
   * The plain-sentence scan decides exactly what this regular expression (its first form) decides,
   * over random text mixing every character class it tells apart: letters in and beyond Latin-1
   * and beyond the BMP, digits of every kind, each punctuation mark, underscores, runs of spaces,
   * {@code www}, line breaks and unpaired surrogates.
   */
  @Test
  void thePlainSentenceScanAgreesWithTheRegularExpressionItReplaced() {
    java.util.regex.Pattern spec = java.util.regex.Pattern.compile(
        "(?U)(?!.*(?:www|  ))\\p{L}(?:[\\p{L}\\p{N} ,.;'()%/+=?-]|(?<=[\\p{L}\\p{N}])_(?=[\\p{L}\\p{N}]))*[\\p{L}\\p{N}.)%?]");
    String[] pieces = {"a", "Z", "w", "W", "é", "ж", "Δ", "ǅ", "ʰ", "中", "\uD835\uDC00", "0", "9", "²", "٣", "Ⅻ", "\uD835\uDFCE", " ", "  ", ",", ".", ";",
        "'", "(", ")", "%", "/", "+", "=", "?", "-", "_", "__", "*", "#", ":", "!", "&", "<", "\n", "\r", "\u2028", "\u0085", "\t", "\u00a0", "\uD800", "\uDC00",
        "ww", "www"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    int plain = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = r.nextInt(9); k < len; k++) sb.append(pieces[r.nextInt(r.nextInt(4) == 0 ? pieces.length : 17)]);
      String text = sb.toString();
      boolean expected = spec.matcher(text).matches();
      if (expected) plain++;
      assertThat(MarkdownRenderer.isPlainSentence(text)).as("%s", text).isEqualTo(expected);
    }
    assertThat(plain).as("both answers occur").isBetween(1_000, 199_000);
  }

  /** Found by probing flexmark's known issues after the fuzzer stalled in its link parser. */
  @Test
  void textThatOverflowsTheParsersStackIsShownAsWrittenNotACrash() {
    String pasted = "See the screenshot.\n\n[image1]: <data:image/png;base64," + "A".repeat(6000) + ">\n\n<script>alert(1)</script>\n";
    String html = markdown.block(pasted);
    assertThat(html).startsWith("<pre class=\"unrendered\">See the screenshot.").contains("&lt;script&gt;").doesNotContain("<script");
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

  /**
   * Text the autolinker cannot act on is parsed without it; the result must be what the parser
   * with it gives, byte for byte, on random Markdown with links, mail addresses, host names,
   * escapes and character references, and on every example post-mortem.
   */
  @Test
  void textWithoutLinksSkipsTheAutolinkerWithTheSameResult() throws java.io.IOException {
    String[] safe = {"Replica lag reached 48 s. ", "`SELECT 1` ", "**bold** ", "_em_ ", "created_at ", "a:b ", "x:/y ", "w ww ", "\n\n",
        "\n\n## Root cause\n\n", "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", "\n\n```sql\nSELECT * FROM orders WHERE id = 1;\n```\n\n",
        "\n- item ", "Δ ", "mailto:x ", "[plan](files/plan.txt) ", "<b>x</b> "};
    String[] risky = {"see https://grafana.example.com/d/x ", "mail dba@example.com ", "www.example.com ", "WwW.Example.com ", "&#64; ",
        "&commat;team ", "http:\\/\\/x.example ", "ftp://files ", "[plan](https://x.example/p) ", "<https://x.example> ", "&amp; ", "\\@ ",
        "user@ ", "@here ", "x&#58;//y.example "};
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    int skipped = 0;
    for (int n = 0; n < 3_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = 1 + r.nextInt(12); k < len; k++) {
        String[] from = r.nextInt(12) == 0 ? risky : safe;
        sb.append(from[r.nextInt(from.length)]);
      }
      String text = sb.toString();
      if (!MarkdownRenderer.mayHoldAutolink(text)) skipped++;
      assertThat(markdown.parsed(text)).as("%s", text).isEqualTo(markdown.parsedWithAutolinks(text));
    }
    assertThat(skipped).as("the shortcut is taken often").isGreaterThan(300);
    try (var files = java.nio.file.Files.walk(dev.hindsight.TestPaths.repoRoot().resolve("postmortems"))) {
      for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        String text = java.nio.file.Files.readString(f);
        assertThat(markdown.parsed(text)).as("%s", f).isEqualTo(markdown.parsedWithAutolinks(text));
      }
    }
    assertThat(MarkdownRenderer.mayHoldAutolink("The deadlock graph showed two sessions: 51 and 77.")).isFalse();
    assertThat(MarkdownRenderer.mayHoldAutolink("see wWw.example.com")).isTrue();
  }
}
