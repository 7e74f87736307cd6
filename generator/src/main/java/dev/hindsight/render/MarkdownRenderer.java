package dev.hindsight.render;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML: flexmark (tables, strikethrough, autolinks, heading anchors), then an
 * allowlist sanitiser, so that raw HTML in a post-mortem never reaches a reader's browser as
 * markup that runs. Built once and shared: thread-safe.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  /** The same parser without the autolinker, for text in which it cannot find a link (see {@link #mayHoldAutolink}). */
  private final Parser parserWithoutAutolinks;
  private final HtmlRenderer renderer;
  private final Safelist safelist;
  /**
   * Whether {@code text} is one line of words and common punctuation, with nothing Markdown, HTML
   * or the autolinker would act on: flexmark and the sanitiser would return it as one paragraph,
   * unchanged. It starts with a letter and ends with a letter, digit, {@code .}, {@code )}, {@code
   * %} or {@code ?}; in between are letters, digits, spaces and {@code ,.;'()%/+=?-}; an underscore
   * between letters or digits (a column such as {@code created_at}) is text, never emphasis; no run
   * of two spaces and no {@code www}. Most timeline events, titles and causes are such lines, and
   * skipping the parser for them halves the time spent on Markdown (MarkdownRendererTest checks
   * that both ways agree). A scan, where a regular expression took a thirtieth of a clean build.
   */
  static boolean isPlainSentence(String text) {
    int n = text.length();
    if (n < 2 || text.contains("  ") || text.contains("www")) return false;
    int first = text.codePointAt(0);
    if (!Character.isLetter(first)) return false;
    for (int k = Character.charCount(first); k < n; ) {
      int c = text.codePointAt(k);
      int next = k + Character.charCount(c);
      if (next >= n) return letterOrNumber(c) || c == '.' || c == ')' || c == '%' || c == '?';
      // Before an underscore, the character itself, as the pattern this replaced looked back: half of a pair is no letter.
      boolean allowed = c == '_' ? letterOrNumber(text.charAt(k - 1)) && letterOrNumber(text.codePointAt(next))
          : letterOrNumber(c) || c < 128 && SENTENCE_PUNCTUATION.indexOf(c) >= 0;
      if (!allowed) return false;
      k = next;
    }
    return false;
  }

  /** What may stand between the words of a plain sentence besides letters and digits. */
  private static final String SENTENCE_PUNCTUATION = " ,.;'()%/+=?-";

  /** A letter or a digit in Unicode's terms (categories L and N). */
  private static boolean letterOrNumber(int cp) {
    if (cp < 128) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    if (Character.isLetter(cp)) return true;
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  public MarkdownRenderer() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(
        TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create(), AnchorLinkExtension.create()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
    options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
    options.set(AnchorLinkExtension.ANCHORLINKS_SET_NAME, false);
    options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
    options.set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX, "");
    options.set(TablesExtension.CLASS_NAME, "md-table");
    this.parser = Parser.builder(options).build();
    MutableDataSet withoutAutolinks = new MutableDataSet(options);
    withoutAutolinks.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), AnchorLinkExtension.create()));
    this.parserWithoutAutolinks = Parser.builder(withoutAutolinks).build();
    this.renderer = HtmlRenderer.builder(options).build();
    this.safelist = Safelist.relaxed()
        .removeTags("img")
        .addAttributes("a", "id", "class")
        .addAttributes("code", "class")
        .addAttributes("table", "class")
        .addAttributes(":all", "id")
        .addTags("del", "s")
        .removeProtocols("a", "href", "ftp")
        .addProtocols("a", "href", "#")
        .preserveRelativeLinks(true);
  }

  /** A Markdown document (narrative, long fields) as sanitised HTML. */
  public String block(String markdown) {
    if (markdown == null || markdown.isBlank()) return "";
    if (isPlainSentence(markdown)) return "<p>" + markdown + "</p>\n";
    return parsed(markdown);
  }

  /**
   * Through flexmark and the sanitiser, always. flexmark 0.64.8 overflows the stack on some inputs
   * (a reference link whose URL in angle brackets runs to thousands of characters, as "Copy as
   * Markdown" makes of a pasted image: vsch/flexmark-java#648); such text is shown as it was
   * written, escaped, instead of ending the build.
   */
  String parsed(String markdown) {
    return parsed(markdown, mayHoldAutolink(markdown) ? parser : parserWithoutAutolinks);
  }

  /** Through flexmark with the autolinker, always: what {@link #parsed(String)} must equal. */
  String parsedWithAutolinks(String markdown) {
    return parsed(markdown, parser);
  }

  private String parsed(String markdown, Parser withParser) {
    try {
      return sanitize(renderer.render(withParser.parse(markdown)));
    } catch (StackOverflowError e) {
      return "<pre class=\"unrendered\">" + org.jsoup.nodes.Entities.escape(markdown) + "</pre>\n";
    }
  }

  /**
   * Whether the autolinker could find anything in {@code markdown}. It acts only at an {@code @}
   * (mail addresses), a {@code ://} (URLs) and a {@code www} (host names), in the text after
   * backslash escapes and character references are undone; text with none of these, and with no
   * {@code &} or backslash after a colon that could make one, parses to the same tree without it.
   * The autolinker is a quarter of parsing a narrative.
   */
  static boolean mayHoldAutolink(String markdown) {
    for (int k = 0, n = markdown.length(); k < n; k++) {
      char c = markdown.charAt(k);
      if (c == '@' || c == '&') return true;
      if (c == ':' && k + 1 < n && (markdown.charAt(k + 1) == '/' || markdown.charAt(k + 1) == '\\')) return true;
      if ((c == 'w' || c == 'W') && k + 2 < n && (markdown.charAt(k + 1) | 0x20) == 'w' && (markdown.charAt(k + 2) | 0x20) == 'w') return true;
    }
    return false;
  }

  /** Markdown as plain text: what a reader sees, for snippets, feeds and print. */
  public String plain(String markdown) {
    // A plain sentence has no markup, no entity and no run of spaces: its text is itself.
    if (markdown != null && isPlainSentence(markdown)) return markdown;
    return slowPlain(markdown);
  }

  /** {@link #plain} through the parser and an HTML document, always. */
  String slowPlain(String markdown) {
    return Jsoup.parse(block(markdown)).text();
  }

  /** A short Markdown text (one paragraph) as sanitised inline HTML, without the {@code <p>}. */
  public String inline(String markdown) {
    String html = block(markdown).strip();
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      html = html.substring(3, html.length() - 4);
    }
    return html;
  }

  /**
   * Sanitises, then prefixes every id (and the in-page links to it) with {@code md-}, so that
   * headings of the narrative never clash with, or clobber, the ids of the page around them.
   */
  private String sanitize(String html) {
    Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
    // What Jsoup.clean does, keeping the cleaned tree so that ids are prefixed without a second parse.
    // A base URI lets jsoup check relative links (kept relative) against the allowed protocols.
    Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, "https://hindsight.invalid/"));
    clean.outputSettings(settings);
    clean.select("[id]").forEach(e -> e.attr("id", ID_PREFIX + e.attr("id")));
    clean.select("a[href^=#]").forEach(a -> a.attr("href", "#" + ID_PREFIX + a.attr("href").substring(1)));
    return clean.body().html();
  }

  /** The prefix of ids that come from Markdown. */
  public static final String ID_PREFIX = "md-";
}
