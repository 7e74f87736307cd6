package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build made with {@code --public} leaves no trace of internal incidents: not their id, title,
 * words, services or tags, in any page, JSON file, search shard, feed, calendar, CSV or PDF (read
 * back as text). The same corpus built without {@code --public} holds every one of those traces,
 * which proves the search can find them.
 */
class PublicBuildTest {
  private static final String INTERNAL = "2025-07-17-orders-db-refund-batch-deadlock";
  private static final String TITLE = "batched refund worker deadlocked stock counters";
  /** Words that appear nowhere else, put into every kind of field of the internal incident. */
  private static final List<String> MARKERS = List.of("zqvintsummary", "zqvintnarrative", "zqvinttag", "zqvintservice", "zqvintaction",
      "zqvintowner", "zqvinttimeline");
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1764000000");

  @TempDir static Path dir;
  static Path corpus;

  @BeforeAll
  static void markOneExampleInternal() throws IOException {
    corpus = Files.createDirectories(dir.resolve("repo"));
    Path input = corpus.resolve("postmortems");
    TestPaths.copyTree(TestPaths.repoRoot().resolve("postmortems"), input);
    Files.copy(TestPaths.repoRoot().resolve("hindsight.yaml"), corpus.resolve("hindsight.yaml"));
    Path file = input.resolve(INTERNAL + ".md");
    String text = Files.readString(file)
        .replaceFirst("status: published\n", "status: published\nvisibility: internal\n")
        .replaceFirst("summary: >-\n", "summary: >-\n  zqvintsummary\n")
        .replace("services: [orders-db, checkout-api, payments-api]", "services: [orders-db, checkout-api, payments-api, zqvintservice]")
        .replace("tags: [postgres,", "tags: [zqvinttag, postgres,")
        .replaceFirst("(?m)^(    event: \"?)", "$1zqvinttimeline ")
        .replaceFirst("(?m)^(    title: )", "$1zqvintaction ")
        .replaceFirst("(?m)^(    owner: )(\\S+)", "$1zqvintowner")
        + "\nzqvintnarrative\n";
    for (String m : MARKERS) assertThat(text).as("the fixture carries " + m).contains(m);
    Files.writeString(file, text);
  }

  @Test
  void aPublicBuildHoldsNoTraceOfTheInternalIncident() throws IOException {
    Path site = build("public", "--public");
    List<String> traces = traces(site);
    assertThat(traces).as("files that mention the internal incident").isEmpty();
    assertThat(site.resolve("incidents/" + INTERNAL)).doesNotExist();
    assertThat(site.resolve("briefs/" + INTERNAL + ".pdf")).doesNotExist();
    assertThat(site.resolve("incidents/2025-10-01-orders-db-fulfilment-sync-deadlock/index.html"))
        .as("the public incidents are there").exists();
    String footer = Jsoup.parse(site.resolve("index.html").toFile()).select("footer").text();
    assertThat(footer).contains("Public").doesNotContain("do not forward");
  }

  @Test
  void withoutPublicTheSameTracesAreFoundEverywhereTheyWouldShow() throws IOException {
    Path site = build("internal");
    List<String> traces = traces(site);
    for (String trace : allTraces()) {
      assertThat(traces).as(trace).anyMatch(t -> t.endsWith(": " + trace));
    }
    assertThat(traces).anyMatch(t -> t.startsWith("briefs/" + INTERNAL + ".pdf:"))
        .anyMatch(t -> t.startsWith("data/search/"))
        .anyMatch(t -> t.startsWith("feed.xml:"))
        .anyMatch(t -> t.startsWith("calendar/"))
        .anyMatch(t -> t.startsWith("data/actions.csv:"))
        .anyMatch(t -> t.startsWith("data/trends.json:"))
        .anyMatch(t -> t.startsWith("incidents/2025-10-01-orders-db-fulfilment-sync-deadlock/index.html:"));
  }

  /**
   * Figures carry no names: the internal incident's share of a trend, a recurrence chain or an
   * error budget could only be seen by comparison. So the public build must be byte for byte the
   * build of a corpus from which the internal incident was never there (and the one `related`
   * entry naming it removed by hand).
   */
  @Test
  void aPublicBuildIsTheSameAsABuildWithoutTheInternalIncident() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("without"));
    TestPaths.copyTree(corpus.resolve("postmortems"), repo.resolve("postmortems"));
    Files.copy(corpus.resolve("hindsight.yaml"), repo.resolve("hindsight.yaml"));
    Files.delete(repo.resolve("postmortems/" + INTERNAL + ".md"));
    Path other = repo.resolve("postmortems/2025-10-01-orders-db-fulfilment-sync-deadlock.md");
    String text = Files.readString(other);
    Files.writeString(other, text.replace("\n  - " + INTERNAL + "\n", "\n"));
    assertThat(Files.readString(other)).doesNotContain(INTERNAL);
    Path without = repo.resolve("site");
    CliRun run = CliRun.run(ENV, "build", "--public", "--input", repo.resolve("postmortems").toString(), "--output", without.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    Map<String, String> expected = ReproducibleBuildTest.digests(without);
    Map<String, String> actual = ReproducibleBuildTest.digests(build("public-compared", "--public"));
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    assertThat(actual.keySet().stream().filter(f -> !actual.get(f).equals(expected.get(f))))
        .as("files that differ from the build without the internal incident").isEmpty();
  }

  @Test
  void aSiteDefaultOfInternalKeepsEverythingOutButWhatIsMarkedPublic() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("default-internal"));
    TestPaths.copyTree(corpus.resolve("postmortems"), repo.resolve("postmortems"));
    Files.writeString(repo.resolve("hindsight.yaml"), Files.readString(corpus.resolve("hindsight.yaml")) + "default_visibility: internal\n");
    Path open = repo.resolve("postmortems/2026-04-22-storefront-dns-record-deleted.md");
    Files.writeString(open, Files.readString(open).replaceFirst("status: published\n", "status: published\nvisibility: public\n"));
    Path site = repo.resolve("site");
    CliRun run = CliRun.run(ENV, "build", "--public", "--input", repo.resolve("postmortems").toString(), "--output", site.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    try (Stream<Path> pages = Files.list(site.resolve("incidents"))) {
      assertThat(pages.map(p -> p.getFileName().toString())).containsExactly("2026-04-22-storefront-dns-record-deleted");
    }
    assertThat(Files.readString(site.resolve("data/incidents.json"))).doesNotContain("orders-db-fulfilment-sync-deadlock");
  }

  @Test
  void aBriefOfAnInternalIncidentIsRefusedWithPublic() {
    CliRun run = CliRun.run(ENV, "brief", "--public", INTERNAL, "--input", corpus.resolve("postmortems").toString(),
        "--output", dir.resolve("briefs").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is internal, so --public leaves it out");
    assertThat(dir.resolve("briefs/" + INTERNAL + ".pdf")).doesNotExist();
    CliRun agenda = CliRun.run(ENV, "agenda", "--public", INTERNAL, "--input", corpus.resolve("postmortems").toString(),
        "--output", dir.resolve("agenda").toString());
    assertThat(agenda.exitCode()).isEqualTo(2);
    assertThat(agenda.err()).contains("is internal, so --public leaves it out");
  }

  private static Path build(String name, String... extra) {
    Path site = dir.resolve(name).resolve("site");
    List<String> args = new ArrayList<>(List.of("build", "--input", corpus.resolve("postmortems").toString(), "--output", site.toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.run(ENV, args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    return site;
  }

  private static List<String> allTraces() {
    List<String> all = new ArrayList<>(MARKERS);
    all.add(INTERNAL);
    all.add(TITLE);
    return all;
  }

  /** "path: trace" for every trace of the internal incident found in any file of the site. */
  private static List<String> traces(Path site) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = site.relativize(f).toString().replace('\\', '/');
        String text = readable(f);
        for (String trace : allTraces()) {
          if (text.contains(trace)) found.add(rel + ": " + trace);
        }
      }
    }
    return found;
  }

  /** A file's text as a reader or a tool would get it: PDFs as extracted text and metadata, gzip unpacked. */
  private static String readable(Path f) throws IOException {
    String name = f.getFileName().toString();
    if (name.endsWith(".pdf")) {
      try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ") + " " + info.getTitle() + " " + info.getSubject() + " " + info.getKeywords();
      }
    }
    byte[] bytes = Files.readAllBytes(f);
    if (name.endsWith(".gz")) {
      try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        bytes = in.readAllBytes();
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    // Search shards and JSON may escape characters; undo the common escapes before looking.
    return text.replace("\\u002d", "-").replace("\\/", "/").replace("&#45;", "-");
  }

}
