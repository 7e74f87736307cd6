package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class GlossaryTest {
  /**
   * The linker works on the HTML text; this is the same rule on jsoup's parsed tree (how it was
   * first written), as the reference: both must give the same bytes for everything the sanitiser
   * writes, here the narratives and fields of the shipped examples and thousands of mixtures.
   */
  @Test
  void linkingTheTextGivesWhatEditingTheParsedTreeGives() throws Exception {
    MarkdownRenderer markdown = new MarkdownRenderer();
    List<String> blocks = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(dev.hindsight.TestPaths.repoRoot().resolve("postmortems"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml")).toList()) {
        String text = Files.readString(f);
        blocks.add(markdown.block(text));
        for (String para : text.split("\n\n")) blocks.add(markdown.block(para));
      }
    }
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    String[] parts = {"deadlock", "Deadlocks", "SLO", "slo", "SLA", "RCA", "root cause analysis", "replication lag", "`latency`", "**failover**",
        "[blast radius](https://x.example/?a=1&b=\"2\")", "## Mitigation", "> query plan", "R&D", "a < b > c", "—", "bloated", "EXPLAIN",
        "error budget", "data-consistency", "index bloat", " ", "\n\n", "*mitigated*", "<kbd>SLO</kbd>", "x-latency", "latency-x",
        "_deadlock", "édeadlock", "İndex bloat", "MİTİGATED", "1failover", "(failover)", "ÆSLO", "deadlock’s"};
    for (int n = 0; n < 3000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = 1 + r.nextInt(12); k < len; k++) sb.append(parts[r.nextInt(parts.length)]).append(r.nextBoolean() ? " " : "");
      blocks.add(markdown.block(sb.toString()));
    }
    int linked = 0;
    for (String html : blocks) {
      String expected = byTree(html, "../../glossary/");
      assertThat(Glossary.link(html, "../../glossary/")).as(html).isEqualTo(expected);
      if (expected.contains("class=\"term\"")) linked++;
    }
    assertThat(linked).isGreaterThan(1000);
  }

  private static final List<String> SKIPPED = List.of("a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "samp");

  private static String byTree(String html, String glossaryUrl) {
    if (html.isEmpty()) return html;
    Document doc = Parser.parseBodyFragment(html, "");
    doc.outputSettings().prettyPrint(false);
    for (Glossary.Term term : Glossary.TERMS) {
      Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}-])(" + String.join("|", term.spellings().stream()
          .map(s -> s.matches("[A-Z]{2,}s?") ? "(?-i:" + Pattern.quote(s) + ")" : Pattern.quote(s)).toList()) + ")(?![\\p{L}\\p{N}-])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      List<TextNode> texts = new java.util.ArrayList<>();
      doc.body().traverse((Node node, int depth) -> {
        if (node instanceof TextNode t && !t.isBlank()) texts.add(t);
      });
      for (TextNode text : texts) {
        boolean skip = false;
        for (Node p = text.parent(); p != null; p = p.parent()) if (p instanceof Element e && SKIPPED.contains(e.tagName())) skip = true;
        if (skip) continue;
        Matcher m = pattern.matcher(text.getWholeText());
        if (!m.find()) continue;
        String whole = text.getWholeText();
        TextNode after = new TextNode(whole.substring(m.end()));
        Element a = new Element("a").addClass("term").attr("href", glossaryUrl + "#" + term.anchor()).attr("title", term.definition()).text(m.group());
        text.text(whole.substring(0, m.start()));
        text.after(after);
        text.after(a);
        break;
      }
    }
    return doc.body().html();
  }

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
