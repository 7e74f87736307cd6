package dev.hindsight.validate;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.load.CorpusScanner;
import dev.hindsight.load.DocumentReader;
import dev.hindsight.load.IncidentReader;
import dev.hindsight.load.SourceDocument;
import dev.hindsight.load.YamlTreeReader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads and validates a whole corpus: configuration, then every file in parallel (read, schema,
 * model, per-incident rules), then the rules across incidents. All problems of all files are
 * collected; nothing stops at the first.
 */
public final class Validator {
  private final YamlTreeReader yaml = new YamlTreeReader();
  private final DocumentReader documents = new DocumentReader(yaml);
  /** The incidents' schema, compiled on first use (while the files are being listed). */
  private volatile SchemaChecker schema;
  private final IncidentReader incidents = new IncidentReader();
  private final CorpusScanner scanner = new CorpusScanner();
  private final SecretScan secrets = new SecretScan();

  /** How many files the last {@link #validate} with a cache took from it, and how many it checked afresh. */
  public record CacheUse(int reused, int checked) {}

  private volatile CacheUse lastCacheUse = new CacheUse(0, 0);
  private volatile int lastHashed;

  /** How long before the cache's record of file digests a file must have last changed for its stat to be trusted. */
  private final java.time.Duration racyMargin;

  public Validator() {
    this(java.time.Duration.ofSeconds(2));
  }

  /** A validator trusting a file's stat once its last change is {@code racyMargin} older than the record of it (tests: zero). */
  Validator(java.time.Duration racyMargin) {
    this.racyMargin = racyMargin;
  }

  public ValidationResult validate(Path inputRoot, Optional<Path> configFile) {
    return validate(inputRoot, configFile, Optional.empty());
  }

  /** What the last validation took from its cache. */
  public CacheUse lastCacheUse() {
    return lastCacheUse;
  }

  /** How many files the last validation with a cache read and hashed, not taking them on their stat. */
  int lastHashed() {
    return lastHashed;
  }

  /**
   * Validates with a cache folder ({@code .hindsight-cache/validation}): files whose bytes, and the
   * files they reference, did not change since a run with the same code and configuration are not
   * checked again; see {@link ValidationCache}. The result is the same as without the cache.
   */
  public ValidationResult validate(Path inputRoot, Optional<Path> configFile, Optional<Path> cacheDir) {
    Checks done = check(inputRoot, configFile, cacheDir, Wanted.ALL);
    List<Incident> sorted = done.outcomes().stream().map(Outcome::incident)
        .sorted(Comparator.comparing(Incident::started).reversed().thenComparing(Incident::id))
        .toList();
    return new ValidationResult(done.config(), sorted, done.diagnostics(), done.files(), done.sourceKeys());
  }

  /**
   * Validates as {@link #validate(Path, Optional, Optional)} does, for a report of the problems
   * alone (the {@code validate} command): the same problems, but files unchanged since the last run
   * give back only their problems and what the checks across incidents read, not their incidents,
   * which is most of the time a warm run takes.
   */
  public ValidationReport report(Path inputRoot, Optional<Path> configFile, Optional<Path> cacheDir) {
    Checks done = check(inputRoot, configFile, cacheDir, Wanted.NONE);
    return new ValidationReport(done.diagnostics(), done.files());
  }

  /**
   * Validates as {@link #report} does, for a quick rebuild that renders only what changed: the same
   * problems, the source key of every incident file, and the incidents of the files checked afresh
   * (a file taken from the cache gives back no incident).
   */
  public Survey survey(Path inputRoot, Optional<Path> configFile, Path cacheDir) {
    Checks done = check(inputRoot, configFile, Optional.of(cacheDir), Wanted.CHECKED_AFRESH);
    Map<String, Incident> read = new java.util.HashMap<>();
    for (Outcome o : done.outcomes()) {
      if (o.validated() != null) read.put(o.incident().sourcePath(), o.incident());
    }
    return new Survey(done.config(), done.diagnostics(), done.files(), done.outcomes().size(), done.sourceKeys(), read);
  }

  /**
   * What a {@link #survey} found.
   *
   * @param incidents how many files gave an incident
   * @param sourceKeys the source key of each incident file that has one, by its path relative to the input folder
   * @param read the incidents of the files checked afresh, by the same path
   */
  public record Survey(SiteConfig config, List<Diagnostic> diagnostics, int files, int incidents, Map<String, String> sourceKeys,
      Map<String, Incident> read) {
    public Survey {
      diagnostics = List.copyOf(diagnostics);
      sourceKeys = Map.copyOf(sourceKeys);
      read = Map.copyOf(read);
    }

    /** The problems found, for a report. */
    public ValidationReport report() {
      return new ValidationReport(diagnostics, files);
    }
  }

  /** The outcome of one file that gave an incident: what the checks across incidents read, and the incident (null when not read back). */
  private record Outcome(CorpusChecks.Ids ids, ValidatedIncident validated) {
    static Outcome of(ValidatedIncident v) {
      return new Outcome(v.ids(), v);
    }

    Incident incident() {
      return validated.incident();
    }
  }

  /**
   * Which incidents a validation gives back besides the problems: all of them, those of the files
   * checked afresh (not taken from the cache), or none (a report of problems: 10,000 incidents kept
   * to the end were 160 MB that every collection copied).
   */
  private enum Wanted { ALL, CHECKED_AFRESH, NONE }

  /** All that a validation found. */
  private record Checks(SiteConfig config, List<Outcome> outcomes, List<Diagnostic> diagnostics, int files, Map<String, String> sourceKeys) {}

  private Checks check(Path inputRoot, Optional<Path> configFile, Optional<Path> cacheDir, Wanted wanted) {
    dev.hindsight.diagnostic.StageTimer timer = new dev.hindsight.diagnostic.StageTimer();
    // The files are listed on another core (a tenth of a second at 10,000) while this one reads the
    // configuration and compiles the schema.
    List<Diagnostic> scanProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.ForkJoinTask<List<Path>> scanning =
        java.util.concurrent.ForkJoinPool.commonPool().submit(() -> scanner.scan(inputRoot, scanProblems));
    List<Diagnostic> configProblems = new ArrayList<>();
    Optional<SiteConfig> loaded = new ConfigLoader(yaml).load(configFile, configProblems);
    Diagnostics all = new Diagnostics();
    all.addAll(configProblems);
    SiteConfig config = loaded.orElse(SiteConfig.defaults());
    IncidentChecks checks = new IncidentChecks(config, loaded.isPresent());
    Lints lints = new Lints(config);

    Optional<ValidationCache> cache = cacheDir.map(dir -> new ValidationCache(dir, config, loaded.isPresent(), racyMargin));
    // A report reads the last run's reports while the files are found.
    if (wanted != Wanted.ALL) cache.ifPresent(ValidationCache::readReportsAhead);
    if (cache.isEmpty()) schema(); // compiled while the files are listed; with a cache, only if a file is checked afresh
    List<Path> files = scanning.join(); // a failure is rethrown as it was thrown, not wrapped
    all.addAll(scanProblems);
    timer.lap("  validation: set-up and scan");
    Map<String, String> sourceKeys = new ConcurrentHashMap<>();
    List<Outcome> valid = files.parallelStream()
        .map(file -> cache.isPresent() ? validateCached(inputRoot, file, checks, lints, all, cache.get(), sourceKeys, wanted)
            : validateFile(inputRoot, file, checks, lints, all, wanted))
        .flatMap(Optional::stream)
        .toList();
    timer.lap("  validation: files");
    cache.ifPresent(c -> {
      c.prune();
      c.saveReports();
      c.digests.save();
      lastCacheUse = new CacheUse(c.hits.get(), c.misses.get());
      lastHashed = c.digests.hashed.get();
    });
    timer.lap("  validation: cache kept");
    all.addAll(new CorpusChecks().check(valid.stream().map(Outcome::ids).toList()));
    timer.lap("  validation: across files");
    return new Checks(config, valid, all.sorted(), files.size(), sourceKeys);
  }

  /**
   * A file's outcome from the cache when its entry holds, else checked and kept there; an
   * outcome holds its incident as {@code wanted} says.
   */
  private Optional<Outcome> validateCached(Path inputRoot, Path file, IncidentChecks checks, Lints lints, Diagnostics all,
      ValidationCache cache, Map<String, String> sourceKeys, Wanted wanted) {
    boolean incidentWanted = wanted == Wanted.ALL;
    FileDigests.Look look;
    byte[] bytes = null;
    byte[] digest;
    try {
      if (!dev.hindsight.load.Confinement.within(file, inputRoot)) return validateFile(inputRoot, file, checks, lints, all, wanted);
      look = cache.digests.look(file);
      if (look.stamp().size() > DocumentReader.MAX_BYTES) return validateFile(inputRoot, file, checks, lints, all, wanted);
      digest = look.digest();
      if (digest == null) {
        bytes = Files.readAllBytes(file);
        digest = cache.digests.record(look, bytes);
      }
    } catch (java.io.IOException | RuntimeException e) {
      return validateFile(inputRoot, file, checks, lints, all, wanted);
    }
    String key = cache.key(inputRoot, file, digest);
    Optional<ValidationCache.Entry> hit = cache.get(key, file.getParent(), incidentWanted);
    if (hit.isPresent()) {
      ValidationCache.Entry entry = hit.get();
      all.addAll(entry.diagnostics());
      if (entry.ids() == null) return Optional.empty();
      if (entry.incident() == null) {
        sourceKeys.put(DocumentReader.relativePath(inputRoot, file), ValidationCache.sourceKey(key, entry.dependencies()));
        return Optional.of(new Outcome(entry.ids(), null));
      }
      return sourceKeyed(entry.incident(), key, entry.dependencies(), sourceKeys).map(Outcome::of);
    }
    if (bytes == null) {
      // Taken on its stat, but checked afresh: the bytes checked are the bytes the entry is kept under.
      try {
        bytes = Files.readAllBytes(file);
      } catch (java.io.IOException | RuntimeException e) {
        return validateFile(inputRoot, file, checks, lints, all, wanted);
      }
      key = cache.key(inputRoot, file, cache.digests.record(look, bytes));
    }
    Checked checked = check(inputRoot, file, bytes, checks, lints);
    all.addAll(checked.problems());
    List<ValidationCache.Dependency> read = cache.put(key, file.getParent(),
        checked.doc() == null ? java.util.Set.of() : checked.doc().referencedFiles(), checked.incident(), checked.problems());
    return sourceKeyed(checked.incident(), key, read, sourceKeys).map(v -> outcome(v, wanted));
  }

  private static Outcome outcome(ValidatedIncident v, Wanted wanted) {
    return wanted == Wanted.NONE ? new Outcome(v.ids(), null) : Outcome.of(v);
  }

  private static Optional<ValidatedIncident> sourceKeyed(ValidatedIncident incident, String key, List<ValidationCache.Dependency> read,
      Map<String, String> sourceKeys) {
    if (incident != null) sourceKeys.put(incident.incident().sourcePath(), ValidationCache.sourceKey(key, read));
    return Optional.ofNullable(incident);
  }

  private Optional<Outcome> validateFile(Path inputRoot, Path file, IncidentChecks checks, Lints lints, Diagnostics all, Wanted wanted) {
    Checked checked = check(inputRoot, file, null, checks, lints);
    all.addAll(checked.problems());
    return Optional.ofNullable(checked.incident()).map(v -> outcome(v, wanted));
  }

  private SchemaChecker schema() {
    SchemaChecker s = schema;
    if (s == null) {
      synchronized (this) {
        s = schema;
        if (s == null) schema = s = SchemaChecker.incidents();
      }
    }
    return s;
  }

  /** One file checked: its document (null when unreadable), the incident (null when errors stop it) and its problems. */
  private record Checked(SourceDocument doc, ValidatedIncident incident, List<Diagnostic> problems) {}

  private Checked check(Path inputRoot, Path file, byte[] bytes, IncidentChecks checks, Lints lints) {
    List<Diagnostic> problems = new ArrayList<>();
    Optional<SourceDocument> doc = documents.read(inputRoot, file, bytes, problems);
    if (doc.isEmpty()) return new Checked(null, null, problems);
    problems.addAll(schema().check(doc.get().data(), doc.get().map()));
    Optional<Incident> incident = incidents.read(doc.get(), problems);
    if (incident.isEmpty()) return new Checked(doc.get(), null, problems);
    problems.addAll(checks.check(incident.get(), doc.get()));
    problems.addAll(lints.check(incident.get(), doc.get()));
    problems.addAll(secrets.check(doc.get()));
    return new Checked(doc.get(), ValidatedIncident.of(incident.get(), doc.get()), problems);
  }
}
