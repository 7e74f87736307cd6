package dev.hindsight.build;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.model.Incident;
import dev.hindsight.publish.AtomicPublisher;
import dev.hindsight.render.SiteRenderer;
import dev.hindsight.render.TemplateFailure;
import dev.hindsight.render.TemplateSet;
import dev.hindsight.validate.ValidationResult;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The build pipeline in one readable order: validate, stop on errors, render into a staging
 * folder, publish atomically. Stages are wired here by constructor; nothing is global.
 */
public final class SiteBuild {
  /** Marks a folder as a Hindsight site, so that a build never replaces anything else. */
  public static final String MARKER = ".hindsight-site";

  private final Validator validator;
  private final String version;
  private final java.util.function.Consumer<String> progress;

  public SiteBuild(Validator validator, String version) {
    this(validator, version, stage -> { });
  }

  /** @param progress told what the build is doing, stage by stage, for a progress line */
  public SiteBuild(Validator validator, String version, java.util.function.Consumer<String> progress) {
    this.validator = validator;
    this.version = version;
    dev.hindsight.diagnostic.StageTimer timer = new dev.hindsight.diagnostic.StageTimer();
    String[] stage = {"start-up"};
    this.progress = next -> {
      timer.lap(stage[0]);
      stage[0] = next.replaceAll(" .*", "");
      progress.accept(next);
    };
  }

  public ValidationResult validate(BuildOptions options) {
    return validator.validate(options.input(), options.config(),
        options.cache() ? java.util.Optional.of(options.cacheRoot().resolve("validation")) : java.util.Optional.empty());
  }

  public BuildResult build(BuildOptions options) throws IOException {
    long start = System.nanoTime();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Diagnostic unsafe = checkOutput(options);
    if (unsafe != null) {
      return new BuildResult(List.of(unsafe), 0, false, 0, 0, 0, 0, 0, 0, false);
    }
    if (options.cache() && options.quick()) {
      Optional<BuildResult> quick = new QuickRebuild(validator, version).run(options, progress, start);
      if (quick.isPresent()) {
        progress.accept("done");
        return quick.get();
      }
    }
    progress.accept("validating " + options.input());
    ValidationResult validation = validate(options);
    diagnostics.addAll(validation.diagnostics());
    if (validation.hasErrors() || (options.strict() && validation.hasWarnings())) {
      return new BuildResult(diagnostics, validation.files(), false, 0, 0, 0, elapsed(start), 0, 0, false);
    }
    List<Incident> included = validation.incidents(options.drafts(), options.publicOnly());
    // Drafts left out, counting only those a public build could show: internal ones leave no trace.
    int skippedDrafts = validation.incidents(true, options.publicOnly()).size() - included.size();

    AtomicPublisher publisher = new AtomicPublisher(options.output(), spare(options));
    try (BuildLock lock = BuildLock.acquire(options.output())) {
      if (lock == null) {
        diagnostics.add(Diagnostic.error(Location.startOf(options.output()), Code.HS004,
            "another build is writing " + options.output() + " right now", "wait for it to finish, or build into another folder"));
        return new BuildResult(diagnostics, validation.files(), false, 0, 0, 0, elapsed(start), 0, 0, false);
      }
      return publishLocked(options, validation, included, skippedDrafts, publisher, diagnostics, start);
    }
  }

  private BuildResult publishLocked(BuildOptions options, ValidationResult validation, List<Incident> included, int skippedDrafts,
      AtomicPublisher publisher, List<Diagnostic> diagnostics, long start) throws IOException {
    publisher.recover();
    Path staging = publisher.stage();
    boolean committed = false;
    dev.hindsight.model.SiteConfig config = options.publicOnly() ? validation.config().forPublic() : validation.config();
    try {
      Path cacheRoot = options.cacheRoot();
      TemplateSet templates = new TemplateSet(options.templates());
      SiteRenderer renderer = new SiteRenderer(templates, options.cache() ? java.util.Optional.of(cacheRoot) : java.util.Optional.empty());
      progress.accept("analysing " + included.size() + " incidents");
      dev.hindsight.render.FragmentStore similar = new dev.hindsight.render.FragmentStore(
          options.cache() ? java.util.Optional.of(cacheRoot.resolve("fragments")) : java.util.Optional.empty(), "similar-incidents");
      Analysis analysis = new Analyzer(config, new KeptSimilarity(similar)).analyze(included, options.asOf());
      progress.accept("rendering pages");
      dev.hindsight.load.GitHistory history = dev.hindsight.load.GitHistory.read(options.input());
      SiteRenderer.Summary summary = renderer.render(config, included, analysis, skippedDrafts, options.drafts(), version, options.briefs(),
          history, validation.sourceKeys(), staging);
      Path cache = cacheRoot.resolve("briefs");
      dev.hindsight.pdf.Briefs briefs = new dev.hindsight.pdf.Briefs(templates, config, version,
          options.cache() ? java.util.Optional.of(cache) : java.util.Optional.empty());
      if (options.briefs()) {
        progress.accept("writing " + included.size() + " PDF briefs");
        briefs.writeAll(included, analysis, validation.sourceKeys(), staging);
      }
      progress.accept("publishing");
      Files.writeString(staging.resolve(MARKER), "This folder is generated by Hindsight; a build replaces it whole.\n");
      java.util.Set<Path> placed = new java.util.HashSet<>(renderer.placed());
      placed.addAll(briefs.placed());
      Path record = QuickRebuild.recordFile(options);
      // The record of the site replaced no longer holds from here; the new one is written once this one is published.
      Files.deleteIfExists(record);
      publisher.commit(staging, placed);
      committed = true;
      if (options.cache()) {
        this.progress.accept("recording what was built");
        keepRecord(options, validation, included, analysis, history, config, summary, briefs, record);
      }
      this.progress.accept("done");
      return new BuildResult(diagnostics, validation.files(), true, summary.pages(), summary.reused(), summary.files(), elapsed(start),
          briefs.rendered(), briefs.reused(), false);
    } catch (java.io.IOException e) {
      diagnostics.add(dev.hindsight.diagnostic.Diagnostic.error(Location.startOf(options.output()), Code.HS004,
          "the build could not write: " + e.getMessage(), "check the disk space and permissions of the output folder"));
      return new BuildResult(diagnostics, validation.files(), false, 0, 0, 0, elapsed(start), 0, 0, false);
    } catch (TemplateFailure e) {
      diagnostics.add(e.diagnostic());
      return new BuildResult(diagnostics, validation.files(), false, 0, 0, 0, elapsed(start), 0, 0, false);
    } finally {
      if (!committed) publisher.abort(staging);
    }
  }

  /**
   * Records what this build published for the next one to tell what changed ({@link QuickRebuild});
   * a record that cannot be written is not kept, and the next build is a full one.
   */
  private void keepRecord(BuildOptions options, ValidationResult validation, List<Incident> included, Analysis analysis,
      dev.hindsight.load.GitHistory history, dev.hindsight.model.SiteConfig config, SiteRenderer.Summary summary, dev.hindsight.pdf.Briefs briefs,
      Path record) {
    try {
      java.util.Set<String> ids = new java.util.HashSet<>();
      included.forEach(i -> ids.add(i.id()));
      new QuickRebuild(validator, version).keep(options, validation.incidents(true, false), ids, analysis, validation.sourceKeys(), history,
          config, summary.pages(), summary.files(), options.briefs() ? briefs.rendered() + briefs.reused() : 0);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(record);
      } catch (IOException ignored) {
        // without a record that reads back the next build is a full one
      }
    }
  }

  /**
   * Where the site a build replaces is kept for the next one to start from: in the cache, by the
   * output's name, so that two sites built side by side keep one each. None without the cache
   * (its pages are no links to reuse), or where files have no link count to tell links from the
   * rest.
   */
  private static java.util.Optional<Path> spare(BuildOptions options) {
    if (!options.cache() || !java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(options.cacheRoot().resolve("previous-site").resolve(options.output().toAbsolutePath().normalize().getFileName().toString()));
  }

  /**
   * Refuses outputs that must never be replaced (the input or a folder holding it, the file-system
   * root, the home folder, the working folder, a repository or project root) and, unless forced,
   * folders with files that are not a previous site.
   */
  private static Diagnostic checkOutput(BuildOptions options) throws IOException {
    Path output = options.output().toAbsolutePath().normalize();
    Path input = options.input().toAbsolutePath().normalize();
    Location at = Location.startOf(options.output());
    if (input.startsWith(output) || output.startsWith(input)) {
      return Diagnostic.error(at, Code.HS004, "the output folder " + options.output() + " overlaps the input folder " + options.input(),
          "build into a separate folder, such as site-output");
    }
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    if (output.getParent() == null || output.equals(home) || here.startsWith(output)) {
      return Diagnostic.error(at, Code.HS004, "the output folder " + options.output() + " is " + (output.getParent() == null ? "the root of the file system"
          : output.equals(home) ? "your home folder" : "the folder you are working in, or one that contains it") + "; a build replaces its output whole",
          "build into a folder of its own, such as site-output (--force does not change this)");
    }
    if (Files.exists(output.resolve(".git")) || Files.exists(output.resolve("pom.xml")) && !Files.exists(output.resolve(MARKER))) {
      return Diagnostic.error(at, Code.HS004, "the output folder " + options.output() + " looks like a repository or project root",
          "build into a folder of its own, such as site-output");
    }
    if (Files.isDirectory(output) && !Files.exists(output.resolve(MARKER)) && !options.force()) {
      try (Stream<Path> entries = Files.list(output)) {
        if (entries.findAny().isPresent()) {
          return Diagnostic.error(at, Code.HS004,
              "the output folder " + options.output() + " holds files that Hindsight did not generate; a build would replace them",
              "choose an empty or new folder with --output, or pass --force to replace it whole (its files are deleted once the new site is in place)");
        }
      }
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      return Diagnostic.error(at, Code.HS004, "the output " + options.output() + " is a file, not a folder", "choose a folder with --output");
    }
    return null;
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
