package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hindsight.TestPaths;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.DocumentReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One corpus holding every kind of broken file at once, next to a good incident: each broken
 * file gets its own located diagnostic, nothing throws, and the rest of the corpus is still
 * checked (the good incident's own mistake is reported too).
 */
class BrokenInputTest {
  private static final Path BASELINE = TestPaths.resource("rules/valid-baseline");

  @TempDir static Path dir;
  static Path input;
  static ValidationResult result;
  static Map<String, byte[]> broken = new LinkedHashMap<>();

  @BeforeAll
  static void validateACorpusOfBrokenFiles() throws IOException {
    String good = Files.readString(BASELINE.resolve("postmortems/2025-03-04-orders-slow.md"));
    input = Files.createDirectories(dir.resolve("postmortems"));
    broken.put("alias-bomb.md", ("---\n" + laughs() + "title: *i\n---\n").getBytes(StandardCharsets.UTF_8));
    broken.put("deep-nesting.md", ("---\ntitle: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n").getBytes(StandardCharsets.UTF_8));
    broken.put("oversized.md", ("---\ntitle: big\n---\n" + "All work and no play. ".repeat(120_000)).getBytes(StandardCharsets.UTF_8));
    broken.put("empty.md", new byte[0]);
    broken.put("binary.md", binary());
    broken.put("tabs.md", "---\ntitle: Tabs\n\tsummary: indented with a tab\n---\n".getBytes(StandardCharsets.UTF_8));
    broken.put("unclosed.md", "---\ntitle: never closed\nstatus: draft\n".getBytes(StandardCharsets.UTF_8));
    broken.put("duplicate-key.md", ("---\ntitle: one title\n" + good.substring(4)).getBytes(StandardCharsets.UTF_8));
    broken.put("latin1.md", "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
    broken.put("nul-and-escapes.md", "---\ntitle: \"a\u0000b\u001b[31mred\"\n---\n".getBytes(StandardCharsets.UTF_8));
    broken.put("not-a-mapping.md", "---\n- just\n- a list\n---\n".getBytes(StandardCharsets.UTF_8));
    broken.forEach((name, bytes) -> write(input.resolve(name), bytes));
    // A good file, with a BOM and CRLF line endings, whose only problem is an unknown SLO.
    String crlf = "\uFEFF" + good.replace("slo: checkout-availability", "slo: no-such-slo").replace("\n", "\r\n");
    Files.writeString(input.resolve("2025-03-04-orders-slow.md"), crlf);
    result = new Validator().validate(input, Optional.of(BASELINE.resolve("hindsight.yaml")));
  }

  @Test
  void everyBrokenFileGetsAnErrorAtALineAndColumnOfItsOwn() {
    for (String name : broken.keySet()) {
      List<Diagnostic> own = result.diagnostics().stream().filter(d -> d.location().file().getFileName().toString().equals(name)).toList();
      assertThat(own).as(name).isNotEmpty().anyMatch(Diagnostic::isError);
      assertThat(own).as(name).allSatisfy(d -> {
        assertThat(d.location().line()).isPositive();
        assertThat(d.location().column()).isPositive();
      });
    }
  }

  @Test
  void eachBreakageIsNamedForWhatItIs() {
    assertThat(codes("alias-bomb.md")).contains(Code.HS001);
    assertThat(messages("alias-bomb.md")).anyMatch(m -> m.contains("aliases"));
    assertThat(messages("deep-nesting.md")).anyMatch(m -> m.contains("nested too deeply"));
    assertThat(messages("oversized.md")).anyMatch(m -> m.contains("limited to 2 MB"));
    assertThat(codes("oversized.md")).containsExactly(Code.HS004);
    assertThat(codes("empty.md")).containsExactly(Code.HS002);
    assertThat(codes("binary.md")).containsExactly(Code.HS004);
    assertThat(codes("latin1.md")).containsExactly(Code.HS004);
    assertThat(codes("tabs.md")).containsExactly(Code.HS001);
    assertThat(at("tabs.md")).isEqualTo("3:1");
    assertThat(codes("unclosed.md")).containsExactly(Code.HS002);
    assertThat(codes("duplicate-key.md")).contains(Code.HS003);
    assertThat(codes("not-a-mapping.md")).containsExactly(Code.HS002);
  }

  @Test
  void theGoodFileIsStillCheckedWithItsBomAndCrlfIgnored() {
    assertThat(codes("2025-03-04-orders-slow.md")).containsExactly(Code.HS213);
    assertThat(at("2025-03-04-orders-slow.md")).isEqualTo("13:8");
    assertThat(result.incidents()).extracting(i -> i.id()).contains("2025-03-04-orders-slow");
  }

  @Test
  void theLimitsAreTheOnesDocumented() throws IOException {
    assertThat(DocumentReader.MAX_BYTES).isEqualTo(2L * 1024 * 1024);
    assertThat(Files.readString(TestPaths.repoRoot().resolve("docs/incident-format.md"))).contains("2 MB", "1,000 levels");
  }

  @Test
  void symbolicLinksOutOfTheInputAreReportedAndNotFollowed(@TempDir Path tmp) throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("passwd.txt"), "root:x:0:0");
    Files.copy(BASELINE.resolve("postmortems/2025-03-04-orders-slow.md"), outside.resolve("stray.md"));
    Path in = Files.createDirectories(tmp.resolve("postmortems"));
    Path folder = Files.createDirectories(in.resolve("2025-03-04-orders-slow"));
    String text = Files.readString(BASELINE.resolve("postmortems/2025-03-04-orders-slow.md"))
        .replace("evidence: [latency, deploy]", "evidence: [latency, deploy, plan.txt]");
    Files.writeString(folder.resolve("index.md"), text);
    assumeTrue(link(folder.resolve("plan.txt"), outside.resolve("passwd.txt")), "this file system has no symbolic links");
    link(in.resolve("2025-06-01-linked.md"), outside.resolve("stray.md"));
    link(in.resolve("escape"), outside);
    link(in.resolve("loop"), in);
    link(in.resolve("same-incident.md"), folder.resolve("index.md"));

    ValidationResult r = new Validator().validate(in, Optional.of(BASELINE.resolve("hindsight.yaml")));

    assertThat(r.diagnostics()).extracting(d -> d.code() + " " + in.relativize(d.location().file()) + ":" + d.location().line())
        .containsExactlyInAnyOrder(
            "HS402 2025-03-04-orders-slow/index.md:" + line(text, "plan.txt"),
            "HS402 2025-06-01-linked.md:1",
            "HS402 escape:1");
    assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.message()).contains("symbolic link to"));
    assertThat(r.files()).as("the link inside the input and the loop are skipped, not read twice").isEqualTo(1);
  }

  @Test
  void hugeAndBadMetricFilesGetOneClearErrorEachNotThousands(@TempDir Path tmp) throws IOException {
    Path fixture = TestPaths.resource("rules/HS403-malformed-csv/postmortems/2025-03-04-orders-slow/index.md");
    Path in = Files.createDirectories(tmp.resolve("postmortems"));
    Map<String, byte[]> csvs = new LinkedHashMap<>();
    csvs.put("huge", ("time,value\n" + "2025-03-04T09:00:00+01:00,120\n".repeat(400_000)).getBytes(StandardCharsets.UTF_8));
    csvs.put("long", ("time,value\n" + "2025-03-04T09:00:00+01:00,1\n".repeat(60_000)).getBytes(StandardCharsets.UTF_8));
    csvs.put("bad-rows", ("time,value\n" + "2025-03-04T09:00:00+01:00;120\n".repeat(500)).getBytes(StandardCharsets.UTF_8));
    csvs.put("latin1", "time,value\n2025-03-04T09:00:00+01:00,120 \u00b5s\n".getBytes(StandardCharsets.ISO_8859_1));
    for (var e : csvs.entrySet()) {
      Path folder = Files.createDirectories(in.resolve("2025-03-04-" + e.getKey()));
      Files.copy(fixture, folder.resolve("index.md"));
      Files.write(folder.resolve("latency.csv"), e.getValue());
    }
    ValidationResult r = new Validator().validate(in, Optional.of(BASELINE.resolve("hindsight.yaml")));
    Map<String, List<String>> byFile = new LinkedHashMap<>();
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.code()).isEqualTo(Code.HS403);
      byFile.computeIfAbsent(in.relativize(d.location().file()).getParent().toString(), k -> new java.util.ArrayList<>())
          .add(d.location().line() + ":" + d.location().column() + " " + d.message());
    }
    assertThat(byFile.get("2025-03-04-huge")).singleElement().asString().startsWith("1:1 ").contains("limited to 10 MB");
    assertThat(byFile.get("2025-03-04-long")).singleElement().asString().startsWith("50002:1 ").contains("60,000 rows");
    assertThat(byFile.get("2025-03-04-latin1")).singleElement().asString().contains("not UTF-8");
    List<String> bad = byFile.get("2025-03-04-bad-rows");
    assertThat(bad).hasSize(21);
    assertThat(bad.get(0)).startsWith("2:1 ").contains("exactly two columns");
    assertThat(bad.get(20)).startsWith("22:1 ").contains("480 more bad rows");
  }

  private static boolean link(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static int line(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
    throw new IllegalArgumentException(needle);
  }

  private static List<Code> codes(String file) {
    return own(file).stream().map(Diagnostic::code).distinct().toList();
  }

  private static List<String> messages(String file) {
    return own(file).stream().map(Diagnostic::message).toList();
  }

  private static String at(String file) {
    Diagnostic d = own(file).get(0);
    return d.location().line() + ":" + d.location().column();
  }

  private static List<Diagnostic> own(String file) {
    return result.diagnostics().stream().filter(d -> d.location().file().getFileName().toString().equals(file)).toList();
  }

  /** Nine levels of nine-fold aliases: a billion "lol"s if a parser expanded them. */
  private static String laughs() {
    StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    return sb.toString();
  }

  private static byte[] binary() {
    byte[] b = new byte[4096];
    for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 31 + 7);
    return b;
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
