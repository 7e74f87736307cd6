package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validation that reads results back from the cache is the validation that checks every file:
 * the same incidents, the same problems at the same places. Editing a file, a file it references
 * or the configuration makes the cache check it again.
 */
class ValidationCacheTest {
  @TempDir Path dir;

  /** Everything a validation produced, as text: equal text means an equal result. */
  private static String outcome(ValidationResult r) {
    return r.files() + "\n" + r.config() + "\n" + r.incidents(true) + "\n" + r.diagnostics();
  }

  /** A corpus's incidents and configuration, copied (not the rest of a repository: its build output, its caches). */
  private Path copy(Path corpus) throws IOException {
    Path to = dir.resolve("corpus-" + corpus.getFileName());
    TestPaths.copyTree(corpus.resolve("postmortems"), to.resolve("postmortems"));
    if (Files.isRegularFile(corpus.resolve("hindsight.yaml"))) Files.copy(corpus.resolve("hindsight.yaml"), to.resolve("hindsight.yaml"));
    return to;
  }

  private static Optional<Path> config(Path corpus) {
    Path file = corpus.resolve("hindsight.yaml");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * A copy of the examples, validated once into a cache: the state every edit below starts from.
   * {@link #again} validates through the cache, {@link #fresh} checks every file without it.
   */
  private record Warm(Path corpus, Path input, Path cache, Validator validator, int files) {
    ValidationResult again() {
      return validator.validate(input, config(corpus), Optional.of(cache));
    }

    ValidationResult fresh() {
      return new Validator().validate(input, config(corpus));
    }

    Validator.CacheUse use() {
      return validator.lastCacheUse();
    }
  }

  private Warm warmExamples() throws IOException {
    Path corpus = copy(TestPaths.repoRoot());
    Path cache = dir.resolve("cache");
    // Files are trusted on their stat as soon as it is recorded (not 2 s later), so that the edits
    // below, made at once, go through that path.
    Validator v = new Validator(java.time.Duration.ZERO);
    int files = v.validate(corpus.resolve("postmortems"), config(corpus), Optional.of(cache)).files();
    return new Warm(corpus, corpus.resolve("postmortems"), cache, v, files);
  }

  /**
   * Long texts are kept as UTF-8 bytes; a text of any length and characters reads back as it was.
   * Half a surrogate pair (a YAML escape can make one) has no UTF-8 form: such a text is refused,
   * so its file is simply not kept, never kept altered.
   */
  @Test
  void textsOfAnyLengthAndCharacterReadBackAsTheyWere() throws IOException {
    String prose = "Replica lag reached 48 s – the failover promoted a lagging replica; für später. ";
    List<String> texts = List.of("", "short", prose, prose.repeat(40), prose + "\uD83D\uDE80 rocket", "x".repeat(63), "é".repeat(64));
    com.fasterxml.jackson.databind.ObjectMapper smile = ValidationCache.mapper();
    List<String> back = smile.readValue(smile.writeValueAsBytes(texts), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
    assertThat(back).isEqualTo(texts);
    for (String half : List.of(prose + "\uD800 half a pair", prose + "\uDC00")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> smile.writeValueAsBytes(List.of(half))).isInstanceOf(IOException.class);
    }
  }

  /** A metric's samples are kept as one block of bytes; every field of the metric and of each sample reads back as it was. */
  @Test
  void metricsReadBackAsTheyWereWithEverySampleExact() throws IOException {
    java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-03-02T14:05:07.123456789+05:30");
    List<dev.hindsight.model.Metric> metrics = List.of(
        new dev.hindsight.model.Metric("replication-lag", "Replication lag – réplica", "s", java.util.OptionalDouble.of(30.5),
            Optional.of("Prometheus: pg_replication_lag_seconds"), Optional.of("lag.csv"),
            List.of(new dev.hindsight.model.MetricPoint(at, 0.0), new dev.hindsight.model.MetricPoint(at.plusSeconds(60), -1.25e-7),
                new dev.hindsight.model.MetricPoint(at.withOffsetSameLocal(java.time.ZoneOffset.UTC), 1.0e12))),
        new dev.hindsight.model.Metric("p99", "p99 latency", "ms", java.util.OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of()));
    com.fasterxml.jackson.databind.ObjectMapper smile = ValidationCache.mapper();

    List<dev.hindsight.model.Metric> back = smile.readValue(smile.writeValueAsBytes(metrics),
        new com.fasterxml.jackson.core.type.TypeReference<List<dev.hindsight.model.Metric>>() { });

    assertThat(back).isEqualTo(metrics);
    assertThat(back.get(0).points().get(0).at()).isEqualTo(at);
  }

  @Test
  void aWarmCacheGivesTheSameResultForEveryRuleFixtureAndTheExamples() throws IOException {
    List<Path> corpora;
    try (Stream<Path> fixtures = Files.list(TestPaths.resource("rules"))) {
      corpora = Stream.concat(fixtures.filter(f -> Files.isDirectory(f.resolve("postmortems"))).sorted(), Stream.of(TestPaths.repoRoot())).toList();
    }
    assertThat(corpora).hasSizeGreaterThan(50);
    int reused = 0;
    for (Path original : corpora) {
      Path corpus = copy(original);
      Path input = corpus.resolve("postmortems");
      Path cache = dir.resolve("cache-" + original.getFileName());
      String fresh = outcome(new Validator().validate(input, config(corpus)));

      Validator cold = new Validator();
      String first = outcome(cold.validate(input, config(corpus), Optional.of(cache)));
      assertThat(cold.lastCacheUse().reused()).as("%s, cold", original).isZero();
      Validator warm = new Validator();
      String second = outcome(warm.validate(input, config(corpus), Optional.of(cache)));

      assertThat(first).as("%s, cold cache", original).isEqualTo(fresh);
      assertThat(second).as("%s, warm cache", original).isEqualTo(fresh);
      assertThat(warm.lastCacheUse().checked()).as("%s, files checked again", original).isZero();
      reused += warm.lastCacheUse().reused();
    }
    assertThat(reused).as("files read back from the cache").isGreaterThan(75);
  }

  @Test
  void aReportFromTheCacheReadsOnlyWhatItShowsAndFindsWhatAFullValidationFinds() throws IOException {
    List<Path> corpora;
    try (Stream<Path> fixtures = Files.list(TestPaths.resource("rules"))) {
      corpora = Stream.concat(fixtures.filter(f -> Files.isDirectory(f.resolve("postmortems"))).sorted(), Stream.of(TestPaths.repoRoot())).toList();
    }
    int reused = 0;
    for (Path original : corpora) {
      Path corpus = copy(original);
      Path input = corpus.resolve("postmortems");
      Path cache = dir.resolve("report-cache-" + original.getFileName());
      ValidationResult fresh = new Validator().validate(input, config(corpus));

      // A report on a cold cache keeps entries that a full validation then reads back whole, and the other way round.
      ValidationReport cold = new Validator().report(input, config(corpus), Optional.of(cache));
      Validator full = new Validator();
      String afterReport = outcome(full.validate(input, config(corpus), Optional.of(cache)));
      Validator warm = new Validator();
      ValidationReport report = warm.report(input, config(corpus), Optional.of(cache));

      assertThat(cold).as("%s, cold", original).isEqualTo(fresh.report());
      assertThat(afterReport).as("%s, validated after a report", original).isEqualTo(outcome(fresh));
      assertThat(full.lastCacheUse().checked()).as("%s, files checked again after a report", original).isZero();
      assertThat(report).as("%s, warm report", original).isEqualTo(fresh.report());
      assertThat(warm.lastCacheUse().checked()).as("%s, files checked again for a warm report", original).isZero();
      reused += warm.lastCacheUse().reused();
    }
    assertThat(reused).as("files whose report was read back from the cache").isGreaterThan(75);
  }

  /**
   * A report reads each file's problems from one file of reports beside the entries, not from the
   * entries themselves: with the entries gone it still finds everything without checking a file
   * again, while a full validation, which needs the incidents, checks them all again. A damaged
   * reports file is not used, and a report then reads the entries.
   */
  @Test
  void aReportReadsTheReportsFileAndADamagedOneIsNotUsed() throws IOException {
    Warm warm = warmExamples();
    ValidationReport expected = warm.fresh().report();
    Path reports = warm.cache().resolve("entries.reports");
    assertThat(reports).exists();
    byte[] kept = Files.readAllBytes(reports);
    Files.writeString(reports, "{ not smile");
    assertThat(warm.validator().report(warm.input(), config(warm.corpus()), Optional.of(warm.cache()))).isEqualTo(expected);
    assertThat(warm.use()).as("from the entries").isEqualTo(new Validator.CacheUse(warm.files(), 0));
    assertThat(reports).as("written again whole").exists();
    assertThat(Files.readAllBytes(reports)).isEqualTo(kept);

    try (Stream<Path> entries = Files.list(warm.cache())) {
      for (Path entry : entries.filter(e -> e.toString().endsWith(".smile")).toList()) Files.delete(entry);
    }
    assertThat(warm.validator().report(warm.input(), config(warm.corpus()), Optional.of(warm.cache()))).isEqualTo(expected);
    assertThat(warm.use()).as("from the reports file alone").isEqualTo(new Validator.CacheUse(warm.files(), 0));
    assertThat(outcome(warm.again())).isEqualTo(outcome(warm.fresh()));
    assertThat(warm.use()).as("a full validation reads incidents, which only the entries hold").isEqualTo(new Validator.CacheUse(0, warm.files()));
  }

  @Test
  void editingAnIncidentAMetricCsvOrAnEvidenceFileChecksThatIncidentAgain() throws IOException {
    Warm warm = warmExamples();
    Path folder = warm.input().resolve("2025-11-18-catalog-db-index-bloat");

    Files.writeString(folder.resolve("cpu.csv"), "not,a,series\n", java.nio.file.StandardOpenOption.APPEND);
    ValidationResult afterCsv = warm.again();
    assertThat(warm.use()).isEqualTo(new Validator.CacheUse(warm.files() - 1, 1));
    assertThat(afterCsv.diagnostics()).anySatisfy(d -> assertThat(d.location().file().toString()).endsWith("cpu.csv"));
    assertThat(outcome(afterCsv)).isEqualTo(outcome(warm.fresh()));

    Files.delete(folder.resolve("plan.txt"));
    ValidationResult afterDelete = warm.again();
    assertThat(warm.use()).isEqualTo(new Validator.CacheUse(warm.files() - 1, 1));
    assertThat(afterDelete.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("`plan.txt` does not exist"));

    Path incident = warm.input().resolve("2026-01-22-payments-api-connection-pool-exhaustion.md");
    Files.writeString(incident, Files.readString(incident).replaceFirst("severity: SEV2", "severity: SEV9"));
    ValidationResult afterEdit = warm.again();
    assertThat(warm.use()).isEqualTo(new Validator.CacheUse(warm.files() - 1, 1));
    assertThat(afterEdit.hasErrors()).isTrue();
    assertThat(outcome(afterEdit)).isEqualTo(outcome(warm.fresh()));
  }

  /**
   * A file whose size, times and inode are as recorded is not read and hashed again; an edit that
   * keeps the size and puts the modification time back is still seen (the status-change time
   * cannot be put back), and so is a file replaced by another; a file changed within the margin
   * (2 s by default) before the record was written is hashed again (it could change within the
   * same clock tick unseen).
   */
  @Test
  void aFileIsTakenOnItsStatOnlyWhileNothingCouldHaveChangedIt() throws IOException {
    Warm warm = warmExamples();
    warm.again();
    assertThat(warm.validator().lastHashed()).as("files hashed again").isZero();
    assertThat(warm.use().reused()).isEqualTo(warm.files());

    Path incident = warm.input().resolve("2026-01-22-payments-api-connection-pool-exhaustion.md");
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(incident);
    String text = Files.readString(incident);
    assertThat(text).contains("severity: SEV2");
    Files.writeString(incident, text.replaceFirst("severity: SEV2", "severity: SEV9"));
    Files.setLastModifiedTime(incident, modified);
    ValidationResult sameSizeAndTime = warm.again();
    assertThat(warm.validator().lastHashed()).isEqualTo(1);
    assertThat(sameSizeAndTime.hasErrors()).isTrue();
    assertThat(outcome(sameSizeAndTime)).isEqualTo(outcome(warm.fresh()));

    Path csv = warm.input().resolve("2025-11-18-catalog-db-index-bloat/cpu.csv");
    Path replacement = csv.resolveSibling("cpu.csv.new");
    Files.writeString(replacement, Files.readString(csv).replace('1', '2'));
    Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(csv));
    Files.move(replacement, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ValidationResult replaced = warm.again();
    assertThat(warm.use().checked()).as("the incident reading the CSV").isEqualTo(1);
    assertThat(outcome(replaced)).isEqualTo(outcome(warm.fresh()));

    // Every file here changed within the last hour: with an hour's margin none is taken on its stat.
    Validator cautious = new Validator(java.time.Duration.ofHours(1));
    cautious.validate(warm.input(), config(warm.corpus()), Optional.of(warm.cache()));
    assertThat(cautious.lastHashed()).as("every file changed within the margin before the record").isGreaterThanOrEqualTo(warm.files());
    assertThat(cautious.lastCacheUse().reused()).isEqualTo(warm.files());
  }

  /**
   * Each incident read through the cache has a source key (the page cache keys pages by it): the
   * same on every run while its files stay as they are, another one as soon as the incident or a
   * file it reads changes, and none without the cache.
   */
  @Test
  void anIncidentsSourceKeyChangesExactlyWhenAFileItWasReadFromChanges() throws IOException {
    Warm warm = warmExamples();
    java.util.Map<String, String> before = warm.again().sourceKeys();
    assertThat(before).hasSize(warm.fresh().incidents(true).size()).isEqualTo(warm.again().sourceKeys());
    assertThat(warm.fresh().sourceKeys()).as("without the cache").isEmpty();

    Path folder = warm.input().resolve("2025-11-18-catalog-db-index-bloat");
    Files.writeString(folder.resolve("plan.txt"), "Index Scan using products_sku_idx\n", java.nio.file.StandardOpenOption.APPEND);
    java.util.Map<String, String> afterEvidence = warm.again().sourceKeys();
    assertThat(changed(before, afterEvidence)).singleElement().asString().contains("catalog-db-index-bloat");

    Path incident = warm.input().resolve("2026-01-22-payments-api-connection-pool-exhaustion.md");
    Files.writeString(incident, Files.readString(incident) + "\nOne more sentence.\n");
    assertThat(changed(afterEvidence, warm.again().sourceKeys())).singleElement().asString().contains("payments-api-connection-pool-exhaustion");
  }

  private static List<String> changed(java.util.Map<String, String> a, java.util.Map<String, String> b) {
    assertThat(b.keySet()).isEqualTo(a.keySet());
    return a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).toList();
  }

  @Test
  void aConfigurationChangeChecksEveryFileAgainAndABrokenEntryIsIgnored() throws IOException {
    Warm warm = warmExamples();
    Path configFile = warm.corpus().resolve("hindsight.yaml");
    Files.writeString(configFile, Files.readString(configFile).replaceFirst("title: ", "title: Renamed "));
    warm.again();
    assertThat(warm.use()).isEqualTo(new Validator.CacheUse(0, warm.files()));

    try (Stream<Path> entries = Files.list(warm.cache())) {
      for (Path entry : entries.toList()) Files.writeString(entry, "{ not json");
    }
    String fromBrokenCache = outcome(warm.again());
    assertThat(warm.use().reused()).isZero();
    assertThat(fromBrokenCache).isEqualTo(outcome(warm.fresh()));
    try (Stream<Path> entries = Files.list(warm.cache())) {
      assertThat(entries.map(Path::getFileName).map(Path::toString).toList()).as("entries, rewritten, their reports and the record of digests; nothing left over")
          .hasSize(warm.files() + 2).contains("files.digests", "entries.reports").filteredOn(n -> !n.endsWith(".smile")).hasSize(2);
    }
  }

  @Test
  void theCommandsThatValidateFirstKeepTheCacheBesideTheInputUnlessToldNot() throws IOException {
    Path corpus = copy(TestPaths.repoRoot());
    String input = corpus.resolve("postmortems").toString();
    Path cache = corpus.resolve(".hindsight-cache/validation");
    for (String command : List.of("validate", "analyze")) {
      dev.hindsight.cli.CliRun run = dev.hindsight.cli.CliRun.run(command, "--input", input, "--no-cache");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(cache).as("%s --no-cache", command).doesNotExist();
    }
    dev.hindsight.cli.CliRun run = dev.hindsight.cli.CliRun.run("analyze", "--input", input);
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.filter(e -> e.toString().endsWith(".smile")).count()).as("one entry per incident file").isEqualTo(new Validator().validate(corpus.resolve("postmortems"), config(corpus)).files());
    }
  }
}
