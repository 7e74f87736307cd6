package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild after an edit that only the edited incident's own page and the search index show (its
 * narrative, a file its page shows inline) renders only those; every other edit makes a full
 * build. Either way the site is, byte for byte, what a clean build of the same files makes: each
 * test compares the two after each kind of edit, on the shipped examples (incidents in files and
 * in folders with CSV series and a query plan).
 */
class QuickRebuildTest {
  private static final Path EXAMPLES = TestPaths.repoRoot().resolve("postmortems");
  private static final String BLOAT = "postmortems/2025-11-18-catalog-db-index-bloat/";
  private static final String DEADLOCK = "postmortems/2025-05-20-checkout-outage-reporting-query-deadlock.md";

  /** The examples and their configuration, copied into {@code dir}. */
  private static Path corpus(Path dir) throws IOException {
    Path root = dir.resolve("corpus");
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      for (Path p : walk.toList()) {
        Path dest = root.resolve("postmortems").resolve(EXAMPLES.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dest);
        else Files.copy(p, dest);
      }
    }
    Files.copy(TestPaths.repoRoot().resolve("hindsight.yaml"), root.resolve("hindsight.yaml"));
    return root;
  }

  private static CliRun build(Path corpus, Path output, String... extra) {
    String[] base = {"build", "--input", corpus.resolve("postmortems").toString(), "--output", output.toString()};
    if (!List.of(extra).contains("--as-of")) base = Stream.concat(Stream.of(base), Stream.of("--as-of", "2026-11-25")).toArray(String[]::new);
    CliRun run = CliRun.run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /** Builds {@code out} again and requires a quick rebuild, which rendered {@code pages} pages. */
  private static void quick(Path corpus, Path out, int pages, String... extra) {
    String said = build(corpus, out, extra).out();
    assertThat(said).as("a quick rebuild").contains("Quick rebuild");
    int total = Integer.parseInt(said.replaceAll("(?s).*Built (\\d+) pages.*", "$1"));
    assertThat(said).contains("Built " + total + " pages (" + (total - pages) + " unchanged, reused)");
  }

  /** Builds {@code out} again and requires a full build. */
  private static void full(Path corpus, Path out, String... extra) {
    assertThat(build(corpus, out, extra).out()).as("a full build").doesNotContain("Quick rebuild");
  }

  /** The site a first build of {@code corpus} makes in {@code dir}: a full one, which records what it published. */
  private static Path builtInFull(Path corpus, Path dir, String... extra) {
    Path out = dir.resolve("site");
    full(corpus, out, extra);
    return out;
  }

  /** Requires {@code out} to be what a clean build (no cache, new folder) of the same files makes. */
  private static void sameAsClean(Path corpus, Path out, Path dir, String... extra) throws IOException {
    Path clean = Files.createTempDirectory(dir, "clean").resolve("site");
    String[] args = Stream.concat(Stream.of(extra), Stream.of("--no-cache")).toArray(String[]::new);
    build(corpus, clean, args);
    assertThat(tree(out)).isEqualTo(tree(clean));
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text);
  }

  @Test
  void aNarrativeEditRendersOnlyItsPageAndTheSearchIndexAndGivesTheSiteACleanBuildGives(@TempDir Path dir) throws IOException {
    Path corpus = corpus(dir);
    Path out = builtInFull(corpus, dir);
    Path page = out.resolve("incidents/2025-05-20-checkout-outage-reporting-query-deadlock/index.html");
    Path index = out.resolve("index.html");
    Object indexFile = fileKey(index);
    Object brief = fileKey(out.resolve("briefs/2025-05-20-checkout-outage-reporting-query-deadlock.pdf"));

    append(corpus.resolve(DEADLOCK), "\nThe lock graph showed the reporting query waiting on the checkout insert.\n");
    quick(corpus, out, 1);
    assertThat(Files.readString(page)).contains("The lock graph showed the reporting query waiting on the checkout insert.");
    assertThat(Files.readString(out.resolve("data/search/vocab.json"))).contains("\"graph\"");
    assertThat(fileKey(index)).as("the index page is the same file, not written again").isEqualTo(indexFile);
    assertThat(fileKey(out.resolve("briefs/2025-05-20-checkout-outage-reporting-query-deadlock.pdf")))
        .as("a brief does not show the narrative: the same file").isEqualTo(brief);
    sameAsClean(corpus, out, dir);

    // Two narratives at once, one of them in an incident's own folder.
    append(corpus.resolve(DEADLOCK), "\nA second paragraph.\n");
    append(corpus.resolve(BLOAT + "index.md"), "\nREINDEX CONCURRENTLY brought the index back to 1.1 GB.\n");
    quick(corpus, out, 2);
    sameAsClean(corpus, out, dir);

    // Nothing changed: nothing is rendered, and the site stays as it is.
    quick(corpus, out, 0);
    assertThat(fileKey(index)).isEqualTo(indexFile);
    sameAsClean(corpus, out, dir);
  }

  @Test
  void aFileShownOnlyOnItsIncidentsPageIsAQuickRebuildToo(@TempDir Path dir) throws IOException {
    Path corpus = corpus(dir);
    Path out = builtInFull(corpus, dir, "--no-briefs");
    Files.writeString(corpus.resolve(BLOAT + "plan.txt"), "Index Only Scan using products_sku_idx on products (rows=1)\n");
    quick(corpus, out, 1, "--no-briefs");
    assertThat(Files.readString(out.resolve("incidents/2025-11-18-catalog-db-index-bloat/index.html"))).contains("Index Only Scan using products_sku_idx");
    assertThat(Files.readString(out.resolve("incidents/2025-11-18-catalog-db-index-bloat/files/plan.txt"))).contains("Index Only Scan");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // Deleted, it is an error: nothing is published and the site stays as it was.
    Map<String, String> published = tree(out);
    Files.delete(corpus.resolve(BLOAT + "plan.txt"));
    CliRun failed = CliRun.run("build", "--input", corpus.resolve("postmortems").toString(), "--output", out.toString(), "--as-of", "2026-11-25",
        "--no-briefs");
    assertThat(failed.exitCode()).isNotZero();
    assertThat(failed.err()).contains("plan.txt", "nothing was published");
    assertThat(tree(out)).isEqualTo(published);
  }

  @Test
  void everyOtherEditMakesAFullBuildOfTheSameSite(@TempDir Path dir) throws IOException {
    Path corpus = corpus(dir);
    Path out = builtInFull(corpus, dir, "--no-briefs");
    Path deadlock = corpus.resolve(DEADLOCK);
    String text = Files.readString(deadlock);

    // The title: on the index, the group pages, the feed, the exports.
    assertThat(text).contains("title: \"Checkout down for two hours:");
    Files.writeString(deadlock, text.replace("title: \"Checkout down for two hours:", "title: \"Checkout down for two hours and ten minutes:"));
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // The title put back: what the rest of the site shows changed again, so a full build again.
    Files.writeString(deadlock, text);
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // A metric's samples, in a CSV file.
    Path cpu = corpus.resolve(BLOAT + "cpu.csv");
    List<String> lines = Files.readAllLines(cpu);
    String last = lines.get(lines.size() - 1);
    lines.set(lines.size() - 1, last.substring(0, last.lastIndexOf(',') + 1) + "12.5");
    Files.write(cpu, lines);
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // An incident added, then removed.
    Path copy = corpus.resolve("postmortems/2025-05-19-checkout-outage-the-day-before.md");
    Files.writeString(copy, text.replace("2025-05-20", "2025-05-19").replaceFirst("(?m)^id: .*$", "id: 2025-05-19-checkout-outage-the-day-before"));
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");
    Files.delete(copy);
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // The configuration, even a comment in it.
    append(corpus.resolve("hindsight.yaml"), "\n# reviewed by the DBA team\n");
    append(deadlock, "\nA sentence with the configuration edit.\n");
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // Another day, another setting, another template.
    full(corpus, out, "--no-briefs", "--as-of", "2026-11-26");
    full(corpus, out);
    Files.createDirectories(corpus.resolve("templates"));
    Files.writeString(corpus.resolve("templates/glossary.ftlh"), Files.readString(TestPaths.repoRoot().resolve("templates/glossary.ftlh")) + "\n<#-- edited -->\n");
    full(corpus, out);
    sameAsClean(corpus, out, dir);
    // and a narrative edit after all that is quick again
    append(deadlock, "\nOne more sentence.\n");
    quick(corpus, out, 1);
    sameAsClean(corpus, out, dir);
  }

  @Test
  void aSiteReplacedByAnotherBuildOrAClearedCacheMakesAFullBuild(@TempDir Path dir) throws IOException {
    Path corpus = corpus(dir);
    Path out = builtInFull(corpus, dir, "--no-briefs");
    // Built with another cache (or by hand): the record describes a site that is no longer there.
    build(corpus, out, "--no-briefs", "--no-cache");
    append(corpus.resolve(DEADLOCK), "\nAfter a build without the cache.\n");
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");

    // The kept search words gone: the quick rebuild gives way to a full one.
    append(corpus.resolve(DEADLOCK), "\nAfter the cache lost its search words.\n");
    Files.delete(dir.resolve(".hindsight-cache/fragments/search-terms.bin"));
    full(corpus, out, "--no-briefs");
    sameAsClean(corpus, out, dir, "--no-briefs");
    assertThat(dir.toFile().list()).as("no patch folders left behind").noneMatch(name -> name.contains(".patch-"));
  }

  @Test
  void aPublicBuildIsQuickToo(@TempDir Path dir) throws IOException {
    Path corpus = corpus(dir);
    Path out = builtInFull(corpus, dir, "--no-briefs", "--public");
    append(corpus.resolve(DEADLOCK), "\nA public sentence.\n");
    quick(corpus, out, 1, "--no-briefs", "--public");
    sameAsClean(corpus, out, dir, "--no-briefs", "--public");
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }

  /** Every file and folder below {@code root}, with each file's digest. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String name = root.relativize(p).toString();
        if (Files.isDirectory(p)) files.put(name + "/", "folder");
        else files.put(name, dev.hindsight.model.Digests.sha256Hex(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)));
      }
    }
    return files;
  }
}
