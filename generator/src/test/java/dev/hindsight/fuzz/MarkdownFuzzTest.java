package dev.hindsight.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.render.MarkdownRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Coverage-guided fuzzing of Markdown to HTML: whatever an author (or a paste from a chat log)
 * writes, the HTML that reaches a page holds no element that runs or loads anything, no event
 * handler and no link other than http, https, mailto or in the site. Replays
 * {@code src/test/resources/dev/hindsight/fuzz/MarkdownFuzzTestInputs/} in the normal test run.
 */
class MarkdownFuzzTest {
  private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
  /** What browsers drop from a URL before reading it: control characters and spaces at either end, tabs and line breaks anywhere. */
  private static final Pattern ENDS = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");
  private static final Pattern TABS_AND_BREAKS = Pattern.compile("[\\t\\n\\r]");
  /**
   * A scheme as browsers read one (URL standard): a letter, then letters, digits, {@code +}, {@code -}
   * or {@code .}, then a colon. Anything else before a colon makes a relative URL (the first
   * campaign's only finding was {@code javas_ript:__xss()}, which this test wrongly took for one).
   */
  private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

  @FuzzTest(maxDuration = "10m")
  void markdownNeverYieldsActiveHtml(byte[] bytes) {
    String markdown = new String(bytes, StandardCharsets.UTF_8);
    Document page = Jsoup.parseBodyFragment(MARKDOWN.block(markdown));
    assertThat(page.select("script, style, iframe, frame, object, embed, form, input, button, base, meta, link, svg, math, img, video, audio, template"))
        .as("active elements").isEmpty();
    for (Element e : page.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(name).as("attribute of <%s>", e.tagName()).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
        if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")) {
          // As a browser reads it (URL standard): ends trimmed, tabs and line breaks removed.
          String url = TABS_AND_BREAKS.matcher(ENDS.matcher(a.getValue()).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
          Matcher scheme = SCHEME.matcher(url);
          if (scheme.find()) assertThat(scheme.group(1)).as("scheme of %s", a.getValue()).isIn("http", "https", "mailto");
        }
      }
    }
  }
}
