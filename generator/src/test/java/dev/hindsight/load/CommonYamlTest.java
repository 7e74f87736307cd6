package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.bench.SyntheticCorpus;
import dev.hindsight.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML of incident files read by hand ({@link CommonYaml}) gives the same tree and the same line
 * and column for every key and value as SnakeYAML; anything it does not take is left to SnakeYAML,
 * problems included.
 */
class CommonYamlTest {
  private static final Path FILE = Path.of("incident.md");
  private final YamlTreeReader reader = new YamlTreeReader();

  @Test
  void readsTheExamplesAndTheBenchmarkCorpusAsSnakeYamlDoes(@TempDir Path dir) throws IOException {
    new SyntheticCorpus(150, 7).write(dir);
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("../postmortems").toAbsolutePath().normalize(), dir.resolve("postmortems"))) {
      try (Stream<Path> all = Files.walk(root)) {
        all.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    int taken = 0;
    List<String> left = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String yaml = text;
      TextLines lines = linesOf(text);
      if (f.toString().endsWith(".yaml")) {
        SameReading.assertSame(f + " in place", reader.read(FILE, lines, 0, text.length(), 1), reader.read(FILE, text, 1));
      }
      if (f.toString().endsWith(".md")) {
        DocumentReader.FrontMatter split = DocumentReader.FrontMatter.split(lines);
        if (split == null || split.closingLine() < 0) continue;
        yaml = split.yaml();
        // Read where it stands in the file, as the reader does: the same reading as of the YAML cut out.
        assertThat(split.inPlace(lines)).isTrue();
        SameReading.assertSame(f + " in place", reader.read(FILE, lines, split.yamlFrom(), split.yamlTo(), 2), reader.read(FILE, yaml, 2));
      }
      if (takes(yaml)) taken++;
      else left.add(f.getFileName().toString());
      assertSameReading(f.toString(), yaml);
    }
    assertThat(files).hasSizeGreaterThan(160);
    assertThat(left).as("files left to SnakeYAML").hasSizeLessThan(3);
    assertThat(taken).isGreaterThan(160);
  }

  @Test
  void readsTheConfigurationsAndYamlFixturesAsSnakeYamlDoes() throws IOException {
    // hindsight.yaml goes through the same reader; so do the rule fixtures' .yaml files, broken ones included.
    List<Path> files = new ArrayList<>(List.of(Path.of("../hindsight.yaml")));
    try (Stream<Path> all = Files.walk(Path.of("src/test/resources"))) {
      all.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    int taken = 0;
    for (Path f : files) {
      String yaml;
      try {
        yaml = DocumentReader.decodeUtf8(Files.readAllBytes(f));
      } catch (java.nio.charset.CharacterCodingException e) {
        continue;
      }
      if (CommonYaml.read(FILE, yaml, 1) != null) taken++;
      SameReading.assertSame(f.toString(), reader.read(FILE, yaml, 1), reader.readAsWritten(FILE, yaml, 1));
    }
    assertThat(files).hasSizeGreaterThan(60);
    assertThat(taken).as("files taken by hand").isGreaterThan(files.size() / 2);
  }

  @Test
  void readsTheLayoutOfAnIncidentFileAndPutsEveryValueWhereSnakeYamlWould() {
    String yaml = """
        # An incident
        title: "Checkout errors: 38 minutes, \\"deadlock\\" on orders-db"
        status: published
        summary: >-
          On 17 July 2025 between 10:12 and 10:50 CEST, 4–6% of checkouts failed.
          The deadlock page fired within four minutes.

          A second paragraph, with `code` and a colon: here.
        started: 2025-07-17T10:12:00+02:00
        services: [orders-db, checkout-api,payments-api]
        regions:  []
        impact:
          users_affected: 2950
          ratio: 0.25
          revenue_loss: {amount: 18600, currency: 'EUR'}
          blast_radius: |
            First line
              indented line kept
            last line
        tags:
        - postgres
        - "deadlock"
        timeline:
          - at: 2025-07-17T09:30:00+02:00
            kind: action

            event: 'It''s deployed: copy changes'
            evidence: [t0, "m0"]
          -   id: t1
              at: 2025-07-17T10:16:00+02:00
        actions:
          - id: A1
            due: 2025-07-25
            done_on: 2025-07-22
            title: Lock stock_counters rows in sku_id order   
        follow_up:
            review_on: 2025-08-01
        """;
    YamlTreeReader.Result r = CommonYaml.read(FILE, yaml, 2);
    assertThat(r).as("taken").isNotNull();
    assertThat(r.tree().get("summary").asText()).isEqualTo(
        "On 17 July 2025 between 10:12 and 10:50 CEST, 4–6% of checkouts failed. The deadlock page fired within four minutes.\n"
            + "A second paragraph, with `code` and a colon: here.");
    assertThat(r.tree().at("/impact/blast_radius").asText()).isEqualTo("First line\n  indented line kept\nlast line\n");
    assertThat(r.tree().at("/timeline/0/event").asText()).isEqualTo("It's deployed: copy changes");
    assertThat(r.tree().at("/impact/users_affected").isInt()).isTrue();
    assertThat(r.tree().at("/impact/ratio").isDouble()).isTrue();
    assertThat(r.map().value(NodePath.ROOT.field("summary"))).isEqualTo(new Location(FILE, 5, 10));
    assertThat(r.map().key(NodePath.ROOT.field("timeline").index(1).field("at"))).isEqualTo(new Location(FILE, 31, 7));
    assertSameReading("layout", yaml);
  }

  @Test
  void leavesAnythingElseToSnakeYaml() {
    List<String> others = List.of(
        "title: x # a comment\n",
        "title: x\nsummary:\n  carried on\n",
        "title: x\nsummary: first\n  carried on\n",
        "title: \"two\n  lines\"\n",
        "title: \"\\x41\"\n",
        "title: &a x\nother: *a\n",
        "title: !!str 5\n",
        "title: yes\n",
        "title: No\n",
        "title: ~\n",
        "title: null\n",
        "title:\n",
        "title:\nnext: 1\n",
        "count: 0x1F\n",
        "count: 1e5\n",
        "count: 007\n",
        "count: 1_000\n",
        "count: 190:20:30\n",
        "count: .5\n",
        "count: +5\n",
        "title: a: b\n",
        "title: ends with colon:\n",
        "title: `code` first\n",
        "title: @at\n",
        "title: %percent\n",
        "\"quoted key\": x\n",
        "key with spaces: x\n",
        "? complex\n: key\n",
        "title: x\ntitle: y\n",
        "m: {a: 1, a: 2}\n",
        "title:\tx\n",
        "title: x\r\n",
        "---\ntitle: x\n",
        "%YAML 1.1\n---\ntitle: x\n",
        "title: x\n...\n",
        "  title: x\n",
        "- x\n- y\n",
        "just text\n",
        "",
        "# only a comment\n",
        "list:\n  - a\n  b: 1\n",
        "list:\n  -\n    a: 1\n",
        "list:\n  - - a\n",
        "m:\n  a: 1\n   b: 2\n",
        "m:\n    a: 1\n  b: 2\n",
        "s: >+\n  kept\n\n",
        "s: >2\n   indented\n",
        "s: >\n  folded\n    more indented\n",
        "s: >\n\n  leading empty line\n",
        "s: >-\n  text\n # comment between\nnext: 1\n",
        "s: |\nnext: 1\n",
        "s: > # comment\n  text\n",
        "flow: [a, [b]]\n",
        "flow: [a, b\n",
        "flow: [a, b] trailing\n",
        "flow: [a,, b]\n",
        "flow: [a: b]\n",
        "flow: {a: [1]}\n",
        "flow: {a: 1} # c\n",
        "flow: [a #b]\n",
        "title: '''unterminated\n",
        "title: x\u0085y\n",
        "title: \uD83D\uDE00 smile\n",
        "title: \u2028\n",
        "title: -\n",
        "title: - x\n",
        "title: -x\n",
        "<<: {a: 1}\n");
    for (String yaml : others) {
      assertThat(CommonYaml.read(FILE, yaml, 2)).as("taken by hand: %s", yaml).isNull();
      assertSameReading(yaml, yaml);
    }
  }

  @Test
  void agreesWithSnakeYamlOnRandomDocuments() {
    SplittableRandom r = new SplittableRandom(23);
    int taken = 0;
    int plain = 0;
    for (int n = 0; n < 4_000; n++) {
      StringBuilder yaml = new StringBuilder();
      mapping(r, yaml, 0, 0);
      String text = perturb(r, yaml.toString());
      YamlTreeReader.Result common = CommonYaml.read(FILE, text, 2);
      YamlTreeReader.Result slow = reader.readAsWritten(FILE, text, 2);
      if (common != null) {
        taken++;
        assertThat(slow.diagnostics()).as("SnakeYAML found no problem in what was taken by hand:\n%s", text).isEmpty();
        SameReading.assertSame(text, common, slow);
      }
      SameReading.assertSame(text, reader.read(FILE, text, 2), slow);
      // The same document as a Markdown file's front matter, read where it stands in the file.
      String file = "---\n" + text + (text.endsWith("\n") ? "" : "\n") + "---\n- [2025-01-01T00:00:00Z, 1]\n  x: [a\n";
      for (TextLines lines : List.of(TextLines.of(file), linesOf(file))) {
        DocumentReader.FrontMatter split = DocumentReader.FrontMatter.split(lines);
        if (split != null && split.inPlace(lines)) {
          if (lines.plainAscii()) plain++;
          SameReading.assertSame(file, reader.read(FILE, lines, split.yamlFrom(), split.yamlTo(), 2), reader.read(FILE, split.yaml(), 2));
        }
      }
      // And as a .yaml file, read where it stands.
      TextLines whole = linesOf(text);
      SameReading.assertSame(text + " (whole)", reader.read(FILE, whole, 0, text.length(), 2), reader.read(FILE, text, 2));
    }
    assertThat(taken).as("documents taken by hand").isBetween(500, 3_500);
    assertThat(plain).as("front matters read with the lines found as the file was read").isGreaterThan(500);
  }

  /** A file's lines as the reader finds them: from its bytes when they are ASCII, else from its text. */
  static TextLines linesOf(String text) {
    TextLines ascii = TextLines.ascii(text.getBytes(StandardCharsets.UTF_8));
    return ascii != null ? ascii : TextLines.of(text);
  }

  private static final String[] KEYS = {"title", "id", "at", "event", "done_on", "a.b", "x-y", "_k", "2023", "y", "on", "k"};
  private static final String[] PLAIN = {"deadlock on orders-db", "4–6% of checkouts", "C# code", "http://host/path", "a:b", "x [1]", "12",
      "-3", "0", "1.5", "0.25", "12.50", "4000000000", "2023-12-25", "2023-12-01T11:07:00+01:00", "2023-12-01 11:07", "10 ms", "1-2",
      "3rd", "yes", "No", "ON", "null", "~", "true", "False", "1e5", "0x1F", "007", "1_000", ".5", "-x", "ébauche", "/var/lib", "(n)",
      "$HOME", "_under", "=x", "^x", "a # b", "a #b", "a#b", "ends:", "a: b", "x  y", "Yes please", "nullable", "t0", "m0", "-", "--x",
      "- x", "`tick`", "@at", "%p", "&a x", "*a", "!x y", "|x", ">x", "?x", ",x", "]x", "}x", "#x", "x, y", "'x'", "\"x\"", "\"a\\\"b\"",
      "\"a\\\\b\\/c\\n\\t\"", "\"a\\x\"", "'it''s'", "'a'b'", "\"open", "'open", "\"a\" b", "''", "\"\"", "' spaced '", "\"x\" # c"};
  private static final String[] FLOW = {"t0", "m0", "\"q\"", "'s'", "12", "1.5", "yes", "a b", "x:y", "x: y", "#c", "[n]", "{m}", "",
      "2023-12-25", "-1", "é"};

  private static void mapping(SplittableRandom r, StringBuilder out, int indent, int depth) {
    int keys = 1 + r.nextInt(depth == 0 ? 6 : 4);
    for (int k = 0; k < keys; k++) {
      if (r.nextInt(8) == 0) {
        samples(r, out, indent);
        continue;
      }
      String key = r.nextInt(10) == 0 ? KEYS[r.nextInt(KEYS.length)] : "k" + k + (r.nextInt(3) == 0 ? "_x" : "");
      out.append(" ".repeat(indent)).append(key).append(':');
      value(r, out, indent, depth);
    }
  }

  /** A value after a key or a {@code - } (the text so far ends with {@code :} or the dash's line start). */
  private static void value(SplittableRandom r, StringBuilder out, int indent, int depth) {
    int kind = r.nextInt(depth > 2 ? 4 : 8);
    switch (kind) {
      case 0, 1 -> out.append(' ').append(PLAIN[r.nextInt(r.nextInt(6) == 0 ? PLAIN.length : 19)]).append(r.nextInt(8) == 0 ? "  " : "").append('\n');
      case 2 -> {
        boolean map = r.nextBoolean();
        out.append(' ').append(map ? '{' : '[');
        int count = r.nextInt(4);
        for (int i = 0; i < count; i++) {
          if (i > 0) out.append(r.nextInt(6) == 0 ? "," : ", ");
          if (map) out.append(r.nextInt(8) == 0 ? "k" : "k" + i).append(r.nextInt(10) == 0 ? ":" : ": ");
          out.append(FLOW[r.nextInt(r.nextInt(6) == 0 ? FLOW.length : 6)]);
        }
        out.append(map ? '}' : ']').append(r.nextInt(10) == 0 ? " x" : "").append('\n');
      }
      case 3 -> {
        String[] headers = {">-", ">", "|", "|-", ">-  ", ">+", "|2", "> # c"};
        out.append(' ').append(headers[r.nextInt(r.nextInt(6) == 0 ? headers.length : 5)]).append('\n');
        int at = indent + 1 + r.nextInt(4);
        int lines = 1 + r.nextInt(4);
        for (int i = 0; i < lines; i++) {
          int roll = r.nextInt(30);
          if (roll == 0) out.append('\n');
          else if (roll == 1) out.append(" ".repeat(at + 2)).append("more indented\n");
          else if (roll == 2) out.append(" ".repeat(at)).append("# looks like a comment\n");
          else if (roll == 3) out.append(" ".repeat(at)).append("trailing spaces   \n");
          else if (roll == 4) out.append(" ".repeat(at + 3)).append('\n');
          else out.append(" ".repeat(at)).append("line ").append(i).append(" of text: with – dash\n");
        }
        if (r.nextInt(5) == 0) out.append('\n');
      }
      case 4, 5 -> {
        out.append('\n');
        mapping(r, out, indent + 1 + r.nextInt(4), depth + 1);
      }
      default -> {
        out.append('\n');
        int at = r.nextInt(4) == 0 ? indent : indent + 1 + r.nextInt(3);
        int items = 1 + r.nextInt(4);
        for (int i = 0; i < items; i++) {
          out.append(" ".repeat(at)).append('-');
          if (r.nextBoolean()) {
            int gap = 1 + (r.nextInt(5) == 0 ? r.nextInt(3) : 0);
            out.append(" ".repeat(gap));
            StringBuilder inner = new StringBuilder();
            mapping(r, inner, at + 1 + gap, depth + 1);
            out.append(inner.substring(at + 1 + gap));
          } else {
            value(r, out, at, depth + 1);
          }
        }
      }
    }
  }

  /** A metric's {@code points:} with its samples, for {@link SampleLines}; now and then one it does not take. */
  private static void samples(SplittableRandom r, StringBuilder out, int indent) {
    out.append(" ".repeat(indent)).append("points:").append(r.nextInt(10) == 0 ? " " : "").append('\n');
    int at = r.nextInt(4) == 0 ? indent : indent + 2;
    String[] odd = {"- [2023-12-01T11:07:00Z, 1e5]", "- [2023-12-01T11:07:00Z,1]", "- ['2023-12-01T11:07:00Z', 1]", "-  [2023-12-01T11:07:00Z, 1]",
        "- [2023-12-01T11:07:00Z, 1] # peak", "- [2023-12-01T11:07:00Z, 1, 2]", "- [2023-12-01 11:07, 7]"};
    int count = 1 + r.nextInt(5);
    for (int i = 0; i < count; i++) {
      String sample = r.nextInt(12) == 0 ? odd[r.nextInt(odd.length)] : "- [2023-12-01T11:0" + i + ":00+01:00, " + (r.nextBoolean() ? "113.64" : "-7") + "]";
      out.append(" ".repeat(r.nextInt(25) == 0 ? at + 2 : at)).append(sample).append('\n');
    }
  }

  /** Now and then a comment, a blank line, a tab or stray indentation somewhere. */
  private static String perturb(SplittableRandom r, String yaml) {
    if (r.nextInt(4) != 0) return yaml;
    List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
    int at = r.nextInt(lines.size());
    String[] extra = {"", "# comment", "  # indented comment", "      # deep comment", "   ", "\tx: 1", "zz: 1", "  zz: 1", "- stray"};
    switch (r.nextInt(3)) {
      case 0 -> lines.add(at, extra[r.nextInt(extra.length)]);
      case 1 -> lines.set(at, " " + lines.get(at));
      default -> lines.set(at, lines.get(at) + (r.nextBoolean() ? " # c" : "  "));
    }
    return String.join("\n", lines);
  }

  private boolean takes(String yaml) {
    return CommonYaml.read(FILE, yaml, 2) != null;
  }

  private void assertSameReading(String what, String yaml) {
    SameReading.assertSame(what, reader.read(FILE, yaml, 2), reader.readAsWritten(FILE, yaml, 2));
  }
}
