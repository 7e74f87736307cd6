package dev.hindsight.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.GitHistory;
import dev.hindsight.model.Digests;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.publish.AtomicPublisher;
import dev.hindsight.render.KeyText;
import dev.hindsight.render.NotKept;
import dev.hindsight.render.SearchIndex;
import dev.hindsight.render.SiteRenderer;
import dev.hindsight.render.TemplateFailure;
import dev.hindsight.render.TemplateSet;
import dev.hindsight.validate.CacheCodec;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A rebuild that renders only what an edit changed, when the edit is one that only the edited
 * incident's own page and the search index show: its narrative, an evidence file shown on its
 * page, its git history. Everything else the site shows of an incident (its row in the index and
 * the group pages, its figures in the trends, its actions in the calendars and exports, its place
 * in a recurrence or among similar incidents, its brief) is made from the incident without its
 * narrative; while the digest of that ({@link #projection}) is what the last build recorded, those
 * pages and files are what they were, byte for byte.
 *
 * <p>The last build's {@link BuildRecord} tells what it published: the settings, the site's stamp,
 * and each incident's source key, projection, history and analysis. A quick rebuild then validates
 * as {@code hindsight validate} does (files unchanged since are taken from the validation cache,
 * without reading their incidents back), renders the changed incidents' pages from their recorded
 * analysis, writes the search index again from the words kept for every incident, and puts those
 * few files over the published site ({@link AtomicPublisher#patch}). Anything else (another
 * setting, template, configuration or day; an incident added, removed or renamed; a change to
 * anything but a narrative; a site replaced or a cache cleared since) makes a full build, which
 * gives the same site: tests compare the two after each kind of edit.
 */
final class QuickRebuild {
  private final Validator validator;
  private final String version;
  private final ObjectMapper smile = CacheCodec.smile();

  QuickRebuild(Validator validator, String version) {
    this.validator = validator;
    this.version = version;
  }

  /** Where the record of the last build of this output is kept: in the cache, by the output's name, as its spare is. */
  static Path recordFile(BuildOptions options) {
    return options.cacheRoot().resolve("builds").resolve(options.output().toAbsolutePath().normalize().getFileName() + ".record");
  }

  /**
   * The digest of everything that is the same for every page of a build: the record's format, the
   * code, the version, the input and output folders, the options, the as-of date, the
   * configuration file's bytes and every file of the templates folder.
   */
  static String context(BuildOptions options, String version) throws IOException {
    StringBuilder text = new StringBuilder(4096).append(BuildRecord.FORMAT);
    for (Object part : List.of(dev.hindsight.load.CodeIdentity.value(), version, options.input().toAbsolutePath().normalize(),
        options.output().toAbsolutePath().normalize(), options.drafts(), options.publicOnly(), options.briefs(), options.asOf())) {
      KeyText.append(text.append('\u0000'), String.valueOf(part));
    }
    if (options.config().isPresent()) fileDigest(text.append("\u0000config\u0000"), options.config().get());
    if (options.templates().isPresent() && Files.isDirectory(options.templates().get())) {
      Path root = options.templates().get();
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          KeyText.append(text.append("\u0000template\u0000"), root.relativize(p).toString());
          fileDigest(text, p);
        }
      }
    }
    return Digests.sha256Hex(text.toString());
  }

  private static void fileDigest(StringBuilder text, Path file) throws IOException {
    if (Files.isRegularFile(file)) text.append(Digests.sha256Hex(Files.readAllBytes(file)));
    else text.append("missing");
  }

  /**
   * The published site's stamp: the identity, time and size of its marker file, which every full
   * build writes anew. Null where the file system gives files no identity (no quick rebuild there).
   */
  static String stamp(Path output) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(output.resolve(SiteBuild.MARKER), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.fileKey() == null) return null;
      return attrs.fileKey() + " " + attrs.lastModifiedTime().toInstant() + " " + attrs.size();
    } catch (IOException e) {
      return null;
    }
  }

  /** The digest of all that the site shows of an incident beyond its own page and the search index. */
  String projection(Incident i) {
    try {
      return Digests.murmur128Hex(smile.writeValueAsBytes(i.withoutNarrative()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The digest of an incident's git history. */
  static String history(GitHistory history, String sourcePath) {
    return Digests.murmur128Hex(KeyText.of(history.of(sourcePath)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  byte[] figures(IncidentFigures figures) {
    try {
      return smile.writeValueAsBytes(figures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IncidentFigures figures(BuildRecord last, Path recordFile, BuildRecord.Entry e) {
    try {
      return smile.readValue(last.figuresOf(recordFile, e), IncidentFigures.class);
    } catch (IOException | RuntimeException ex) {
      throw new NotKept("the analysis of " + e.id());
    }
  }

  /**
   * Records a build just published, with its figures file: {@code all} is every incident the
   * validation gave, in the site's order; {@code included} those in the site, with the analysis of
   * each.
   */
  void keep(BuildOptions options, List<Incident> all, Set<String> included, Analysis analysis, Map<String, String> sourceKeys,
      GitHistory history, SiteConfig config, int pages, int dataFiles, int briefs) throws IOException {
    String stamp = stamp(options.output());
    if (stamp == null) throw new IOException("the site's marker has no identity on this file system");
    List<byte[]> figures = all.parallelStream().map(i -> included.contains(i.id()) ? figures(analysis.of(i.id())) : new byte[0]).toList();
    Path file = recordFile(options);
    BuildRecord.Figures kept = BuildRecord.writeFigures(file, figures);
    List<BuildRecord.Entry> entries = java.util.stream.IntStream.range(0, all.size()).parallel().mapToObj(k -> {
      Incident i = all.get(k);
      boolean in = included.contains(i.id());
      String key = sourceKeys.get(i.sourcePath());
      return new BuildRecord.Entry(i.sourcePath(), key == null ? "" : key, projection(i), history(history, i.sourcePath()), in, i.id(),
          i.title(), i.severity(), SearchIndex.Doc.day(i, config), in ? List.copyOf(SiteRenderer.dataFiles(i)) : List.of(),
          kept.at()[k], figures.get(k).length);
    }).toList();
    new BuildRecord(context(options, version), stamp, pages, dataFiles, briefs, kept.token(), entries).write(file);
    BuildRecord.pruneFigures(file, kept.token());
  }

  /**
   * Rebuilds quickly if the last build's record allows it; empty when a full build is needed.
   *
   * @param start when the build started, for the time it reports
   */
  Optional<BuildResult> run(BuildOptions options, java.util.function.Consumer<String> progress, long start) throws IOException {
    dev.hindsight.diagnostic.StageTimer timer = new dev.hindsight.diagnostic.StageTimer();
    Path recordFile = recordFile(options);
    Optional<BuildRecord.Header> header = BuildRecord.header(recordFile);
    String stamp = stamp(options.output());
    if (header.isEmpty() || stamp == null || !header.get().output().equals(stamp) || !header.get().context().equals(context(options, version))) {
      return Optional.empty();
    }
    // The rest of the record is read on another thread while the files are validated.
    java.util.concurrent.FutureTask<Optional<BuildRecord>> reading = new java.util.concurrent.FutureTask<>(() -> BuildRecord.read(recordFile));
    Thread reader = new Thread(reading, "hindsight-record");
    reader.setDaemon(true);
    reader.start();
    timer.lap("  quick: record header");

    progress.accept("validating " + options.input());
    Validator.Survey survey = validator.survey(options.input(), options.config(), options.cacheRoot().resolve("validation"));
    Optional<BuildRecord> found;
    try {
      found = reading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("the build was interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      found = Optional.empty();
    }
    if (found.isEmpty() || !found.get().context().equals(header.get().context()) || !found.get().output().equals(stamp)) return Optional.empty();
    BuildRecord last = found.get();
    if (survey.report().hasErrors() || options.strict() && survey.report().hasWarnings()) {
      return Optional.of(new BuildResult(survey.diagnostics(), survey.files(), false, 0, 0, 0, elapsed(start), 0, 0, false));
    }
    Map<String, String> keys = survey.sourceKeys();
    if (keys.size() != survey.incidents() || keys.size() != last.entries().size()) return Optional.empty();
    timer.lap("  quick: validation");
    GitHistory history = GitHistory.read(options.input());
    Map<String, Incident> changed = new HashMap<>();
    for (BuildRecord.Entry e : last.entries()) {
      String key = keys.get(e.sourcePath());
      if (key == null || e.sourceKey().isEmpty()) return Optional.empty();
      if (key.equals(e.sourceKey()) && history(history, e.sourcePath()).equals(e.history())) continue;
      Incident read = survey.read().get(e.sourcePath());
      // A file taken from the cache whose key still changed (an edit undone) was not read: a full build reads it.
      if (read == null || !projection(read).equals(e.projection())) return Optional.empty();
      changed.put(e.sourcePath(), read);
    }
    timer.lap("  quick: history and changes");

    try (BuildLock lock = BuildLock.acquire(options.output())) {
      if (lock == null) {
        return Optional.of(new BuildResult(List.of(Diagnostic.error(Location.startOf(options.output()), Code.HS004,
            "another build is writing " + options.output() + " right now", "wait for it to finish, or build into another folder")),
            survey.files(), false, 0, 0, 0, elapsed(start), 0, 0, false));
      }
      AtomicPublisher publisher = new AtomicPublisher(options.output());
      publisher.recover();
      // Another build may have published in the meantime.
      if (!last.output().equals(stamp(options.output()))) return Optional.empty();
      if (changed.isEmpty()) {
        return Optional.of(new BuildResult(survey.diagnostics(), survey.files(), true, last.pages(), last.pages(), last.dataFiles(), elapsed(start),
            0, last.briefs(), true));
      }
      progress.accept("rendering " + changed.size() + " changed incident" + (changed.size() == 1 ? "" : "s") + " and the search index");
      return Optional.ofNullable(patch(options, last, survey, keys, changed, history, publisher, recordFile, start));
    }
  }

  /** Renders the changed incidents' pages and the search index into a patch and puts it over the site; null when a full build is needed. */
  private BuildResult patch(BuildOptions options, BuildRecord last, Validator.Survey survey, Map<String, String> keys, Map<String, Incident> changed,
      GitHistory history, AtomicPublisher publisher, Path recordFile, long start) throws IOException {
    SiteConfig config = options.publicOnly() ? survey.config().forPublic() : survey.config();
    Map<String, String> titles = new LinkedHashMap<>();
    for (BuildRecord.Entry e : last.entries()) if (e.included()) titles.put(e.id(), e.title());
    List<Incident> pages = new ArrayList<>();
    Map<String, IncidentFigures> figures = new HashMap<>();
    List<SearchIndex.Doc> search = new ArrayList<>(titles.size());
    List<String> previousKeys = new ArrayList<>(titles.size());
    java.util.SortedSet<Integer> changedAt = new java.util.TreeSet<>();
    List<String> removed = new ArrayList<>();
    List<BuildRecord.Entry> entries = new ArrayList<>(last.entries().size());
    int dataFiles = last.dataFiles();
    Path patch = publisher.patchFolder();
    try {
      for (BuildRecord.Entry e : last.entries()) {
        Incident i = changed.get(e.sourcePath());
        if (i == null) {
          entries.add(e);
          if (e.included()) {
            search.add(new SearchIndex.Doc(e.id(), e.title(), e.severity(), e.day(), keys.get(e.sourcePath()), null));
            previousKeys.add(e.sourceKey());
          }
          continue;
        }
        List<String> names = List.of();
        if (e.included()) {
          Incident shown = options.publicOnly() ? i.withRelatedAmong(titles.keySet()) : i;
          pages.add(shown);
          figures.put(i.id(), figures(last, recordFile, e));
          changedAt.add(search.size());
          search.add(new SearchIndex.Doc(e.id(), e.title(), e.severity(), e.day(), keys.get(e.sourcePath()), shown));
          previousKeys.add(e.sourceKey());
          names = List.copyOf(SiteRenderer.dataFiles(i));
          Set<String> gone = new LinkedHashSet<>(e.dataFiles());
          names.forEach(gone::remove);
          for (String name : gone) removed.add(Path.of("incidents", e.id(), "files").resolve(name).normalize().toString().replace('\\', '/'));
          dataFiles += names.size() - e.dataFiles().size();
        }
        entries.add(new BuildRecord.Entry(e.sourcePath(), keys.get(e.sourcePath()), e.projection(), history(history, e.sourcePath()), e.included(),
            e.id(), e.title(), e.severity(), e.day(), names, e.figuresAt(), e.figuresLength()));
      }
      Analysis analysis = new Analysis(options.asOf(), figures, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of());
      SiteRenderer renderer = new SiteRenderer(new TemplateSet(options.templates()), Optional.of(options.cacheRoot()));
      dev.hindsight.diagnostic.StageTimer timer = new dev.hindsight.diagnostic.StageTimer();
      renderer.renderChanged(config, pages, analysis, version, options.briefs(), history, keys, titles, search, previousKeys, changedAt, patch);
      timer.lap("  quick: pages and search index");
      // The record is out of date from the first file put in place: a build cut short in between
      // finds the changed incidents changed again, and renders them again.
      publisher.patch(patch, removed);
      timer.lap("  quick: patch");
      try {
        new BuildRecord(last.context(), last.output(), last.pages(), dataFiles, last.briefs(), last.figures(), entries).write(recordFile);
      } catch (IOException e) {
        Files.deleteIfExists(recordFile);
      }
      timer.lap("  quick: record written");
      return new BuildResult(survey.diagnostics(), survey.files(), true, last.pages(), last.pages() - pages.size(), dataFiles, elapsed(start), 0,
          last.briefs(), true);
    } catch (NotKept e) {
      return null;
    } catch (TemplateFailure e) {
      return failed(survey, e.diagnostic(), start);
    } catch (IOException e) {
      return failed(survey, Diagnostic.error(Location.startOf(options.output()), Code.HS004, "the build could not write: " + e.getMessage(),
          "check the disk space and permissions of the output folder"), start);
    } finally {
      publisher.abort(patch);
    }
  }

  /** A rebuild that published nothing, with the problem that stopped it after the validation's. */
  private static BuildResult failed(Validator.Survey survey, Diagnostic problem, long start) {
    List<Diagnostic> all = new ArrayList<>(survey.diagnostics());
    all.add(problem);
    return new BuildResult(all, survey.files(), false, 0, 0, 0, elapsed(start), 0, 0, false);
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
