package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Reference;
import dev.hindsight.model.SiteConfig;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the site into a folder: the index, one page per incident (in parallel), the incident
 * data files they link to, and the static assets. Pages depend only on their own incident and a
 * small id-to-title map, so they can be rendered independently.
 */
public final class SiteRenderer {
  static final List<String> PAGE_TEMPLATES = List.of("layout.ftlh", "pager.ftlh", "index.ftlh", "incident.ftlh", "group.ftlh", "browse.ftlh",
      "actions.ftlh", "trends.ftlh", "glossary.ftlh");
  private final TemplateSet templates;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  /** The cache's root folder ({@code .hindsight-cache}): pages in {@code pages/}, pieces of corpus-wide files in {@code fragments/}. */
  private final Optional<Path> cacheDir;
  private PageCache cache = new PageCache(Optional.empty(), "");
  private KeptOutputs outputs;

  public SiteRenderer(TemplateSet templates) {
    this(templates, Optional.empty());
  }

  /**
   * With a cache folder: pages whose templates and data did not change are linked or copied, not
   * rendered, and the pieces of corpus-wide files whose inputs did not change are not made again.
   */
  public SiteRenderer(TemplateSet templates, Optional<Path> cacheDir) {
    this.templates = templates;
    this.cacheDir = cacheDir;
  }

  /** What a render produced: pages written, how many of them came unchanged from the cache, data files. */
  public record Summary(int pages, int reused, int files) {}

  /**
   * Renders {@code incidents} (already filtered: drafts only when wanted) into {@code target}.
   *
   * @param skippedDrafts how many drafts were left out, for the index's note
   * @param briefs whether PDF briefs are written, so that pages link to them
   * @param history the incidents' git history (none outside a repository)
   * @param sourceKeys each incident's source key by its source path, where validation gave one
   *     ({@link dev.hindsight.validate.ValidationResult#sourceKeys}): its page is cached by that;
   *     a page without one is rendered every time
   * @throws TemplateFailure when a template is broken; the target is then incomplete
   */
  public Summary render(SiteConfig config, List<Incident> incidents, Analysis analysis, int skippedDrafts, boolean draftsIncluded,
      String version, boolean briefs, dev.hindsight.load.GitHistory history, Map<String, String> sourceKeys, Path target) throws IOException {
    dev.hindsight.diagnostic.StageTimer timer = new dev.hindsight.diagnostic.StageTimer();
    IncidentViews views = new IncidentViews(config, markdown, analysis, version, briefs, history);
    cache = pageCache(config, version, briefs, analysis);
    Files.createDirectories(target);
    templates.copyAssets(target.resolve("assets"));
    VendorAssets.copyTo(target.resolve("assets/vendor"));
    Map<String, String> titles = new HashMap<>();
    incidents.forEach(i -> titles.put(i.id(), i.title()));
    Set<String> ids = titles.keySet();

    timer.lap("  render: assets");
    // The summaries' plain text for the index and group rows, once per incident, in parallel.
    incidents.parallelStream().forEach(views::row);
    SectionViews sections = new SectionViews(config, analysis, views, incidents);
    Map<String, Views.GroupPage> groups = sections.groups(incidents);
    timer.lap("  render: views of rows and groups");
    java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
    // Every page and file is a task; the long single ones go first so that none is left for last.
    List<IoTask> tasks = new java.util.ArrayList<>();
    Optional<Path> fragments = cacheDir.map(d -> d.resolve("fragments"));
    FragmentStore searchTerms = new FragmentStore(fragments, "search-terms");
    tasks.add(timed("search index", () -> {
      new SearchIndex().write(incidents.stream().map(i -> SearchIndex.Doc.of(i, config, sourceKeys.get(i.sourcePath()))).toList(),
          target.resolve("data/search"), searchTerms, fragments.map(SiteRenderer::searchPostings));
      searchTerms.save();
    }));
    Feeds feeds = new Feeds(config, markdown);
    FragmentStore events = new FragmentStore(fragments, "calendar-events");
    // The corpus-wide files that most edits leave as they were (an edit to a narrative, a timeline,
    // a metric) are kept by the text of what they are made of, and put in place again while it is
    // the same: see KeptOutputs. Their inputs' texts are made on the task's thread.
    outputs = new KeptOutputs(cache, new FragmentStore(fragments, "outputs"));
    java.util.function.Supplier<String> actionsText = KeptOutputs.once(() -> digests(analysis.actions()));
    tasks.add(timed("calendars", () -> outputs.make("calendars", () -> calendarInputs(incidents, analysis, sections, actionsText.get()), target,
        "calendar", () -> {
          feeds.calendars(incidents, analysis, sections::calendarUrl, target, events);
          events.save();
        })));
    tasks.add(timed("actions.csv", () -> outputs.make("actions.csv", actionsText, target, "data/actions.csv",
        () -> feeds.csv(analysis, target.resolve("data/actions.csv")))));
    tasks.add(timed("atom feed", () -> outputs.make("feed.xml", () -> KeyText.of(Feeds.newestPublished(incidents).stream().map(FeedEntry::of).toList()),
        target, "feed.xml", () -> feeds.atom(incidents, target.resolve("feed.xml")))));
    tasks.add(timed("index pages", () -> {
      Map<String, Views.IndexPage> pages = views.index(incidents, skippedDrafts, draftsIncluded);
      pages.forEach((folder, page) -> write("index.ftlh", page, target.resolve(folder).resolve("index.html")));
      if (pages.size() > 1) IndexRows.write(incidents.stream().map(views::row).toList(), target.resolve(IncidentViews.INDEX_ROWS));
    }));
    // The three exports are tasks of their own: each is mostly writing one large file.
    DataExport exports = new DataExport(config);
    // incidents.json is written every time: the text of its inputs (every incident's figures) takes as long to make as the file.
    tasks.add(timed("incidents.json", () -> exports.writeIncidents(incidents, analysis, version, target.resolve("data"))));
    tasks.add(timed("actions.json", () -> outputs.make("actions.json", () -> actionsText.get() + KeyText.of(analysis.reviewsDue()), target,
        "data/actions.json", () -> exports.writeActions(analysis, version, target.resolve("data")))));
    tasks.add(timed("trends.json", () -> outputs.make("trends.json",
        () -> KeyText.of(List.of(analysis.monthly(), analysis.quarterly(), analysis.recurrenceChains(), analysis.tagChains())), target,
        "data/trends.json", () -> exports.writeTrends(analysis, version, target.resolve("data")))));
    tasks.add(timed("trends page", () -> write("trends.ftlh", new TrendViews(config, analysis, views, briefs, sections).page(incidents), target.resolve("trends/index.html"))));
    tasks.add(timed("actions page", () -> SectionViews.pagesOf(sections.actions())
        .forEach((folder, page) -> write("actions.ftlh", page, target.resolve("actions/" + folder + "index.html")))));
    tasks.add(timed("browse, glossary, schema", () -> {
      write("browse.ftlh", sections.browse(groups), target.resolve("browse/index.html"));
      write("glossary.ftlh", new Views.GlossaryPage(views.site("../"), Glossary.TERMS), target.resolve("glossary/index.html"));
      copySchema(target.resolve("schema"));
    }));
    groups.forEach((url, group) -> SectionViews.pagesOf(group).forEach((under, page) ->
        tasks.add(() -> write("group.ftlh", page, target.resolve(url).resolve(under).resolve("index.html")))));
    for (Incident i : incidents) {
      tasks.add(() -> {
        Path dir = target.resolve("incidents").resolve(i.id());
        String source = sourceKeys.get(i.sourcePath());
        if (source == null) {
          render("incident.ftlh", views.page(i, ids, titles::get), dir.resolve("index.html"), null);
        } else {
          writeFromInputs("incident.ftlh", () -> views.pageInputs(i, source, ids, titles::get), () -> views.page(i, ids, titles::get),
              dir.resolve("index.html"));
        }
        files.addAndGet(copyDataFiles(i, dir.resolve("files")));
      });
    }
    runAll(tasks);
    outputs.save();
    timer.lap("  render: pages and data");
    cache.prune();
    return new Summary(incidents.size() + groups.size() + 5, cache.reused.get(), files.get());
  }

  /**
   * Renders into {@code target} (a folder laid out as the site, to be put over the published one)
   * only what an edit to {@code changed} alters when everything else the site shows of them is as
   * the last build left it (see {@code QuickRebuild}): their pages and data files, and the search
   * index, whose scores read every incident's words.
   *
   * @param figures the analysis of the changed incidents (the others' is not needed)
   * @param titles the title of every incident in the site, by id
   * @param search every incident of the site as the search index shows it, in the site's order;
   *     the changed ones with their incidents, the others with their source keys alone
   * @param previousKeys each of those incidents' source keys in the last build
   * @param changedAt where the changed ones are among them
   * @param sourceKeys each changed incident's source key by its source path
   * @throws NotKept when the words of an incident that did not change are no longer in the cache
   */
  public void renderChanged(SiteConfig config, List<Incident> changed, Analysis figures, String version, boolean briefs,
      dev.hindsight.load.GitHistory history, Map<String, String> sourceKeys, Map<String, String> titles, List<SearchIndex.Doc> search,
      List<String> previousKeys, java.util.SortedSet<Integer> changedAt, Path target) throws IOException {
    IncidentViews views = new IncidentViews(config, markdown, figures, version, briefs, history);
    cache = pageCache(config, version, briefs, figures);
    Set<String> ids = titles.keySet();
    List<IoTask> tasks = new java.util.ArrayList<>();
    Optional<Path> fragments = cacheDir.map(d -> d.resolve("fragments"));
    FragmentStore searchTerms = new FragmentStore(fragments, "search-terms");
    tasks.add(timed("search index", () -> {
      new SearchIndex().update(search, previousKeys, changedAt, target.resolve("data/search"), searchTerms,
          fragments.map(SiteRenderer::searchPostings).orElseThrow(() -> new NotKept("the search index's postings")));
      searchTerms.saveKeepingAll();
    }));
    for (Incident i : changed) {
      tasks.add(() -> {
        Path dir = target.resolve("incidents").resolve(i.id());
        writeFromInputs("incident.ftlh", () -> views.pageInputs(i, sourceKeys.get(i.sourcePath()), ids, titles::get),
            () -> views.page(i, ids, titles::get), dir.resolve("index.html"));
        copyDataFiles(i, dir.resolve("files"));
      });
    }
    runAll(tasks);
  }

  /** The page cache of a build: its keys start from the code, templates, settings and as-of date, the same for every page. */
  private PageCache pageCache(SiteConfig config, String version, boolean briefs, Analysis analysis) throws IOException {
    return new PageCache(cacheDir.map(d -> d.resolve("pages")), fingerprint(version) + '\u0000' + config + '\u0000' + briefs + '\u0000' + analysis.asOf());
  }

  /** Where the search index's postings are kept for a quick rebuild ({@link SearchIndex#update}). */
  private static Path searchPostings(Path fragments) {
    return fragments.resolve("search-postings.bin");
  }

  /**
   * What the calendars are made of: every action (its state included), each incident's id, title
   * and review date, and the calendar file of each owner and team.
   */
  private static String calendarInputs(List<Incident> incidents, Analysis analysis, SectionViews sections, String actions) {
    StringBuilder text = new StringBuilder(actions.length() + incidents.size() * 64).append(actions);
    for (Incident i : incidents) KeyText.append(text, i.id()).append(i.reviewOn().map(Object::toString).orElse("-")).append(' ');
    for (Incident i : incidents) KeyText.append(text, i.title());
    analysis.byOwner().keySet().forEach(owner -> KeyText.append(text, sections.calendarUrl("owners", owner)));
    analysis.byTeam().keySet().forEach(team -> {
      if (!team.equals(Analysis.NO_TEAM)) KeyText.append(text, sections.calendarUrl("teams", team));
    });
    return text.toString();
  }

  /** What the Atom feed shows of an incident. */
  private record FeedEntry(String id, String severity, String title, Optional<java.time.LocalDate> publishedOn, Optional<java.time.OffsetDateTime> resolved,
      java.time.OffsetDateTime started, Optional<String> summary, List<String> services, Optional<String> category, List<String> authors) {
    static FeedEntry of(Incident i) {
      return new FeedEntry(i.id(), i.severity(), i.title(), i.publishedOn(), i.resolved(), i.started(), i.summary(), i.services(),
          i.rca().map(r -> r.category()), i.authors());
    }
  }

  /** The pages the cache put, or found, in place in the last {@link #render}'s target. */
  public Set<Path> placed() {
    return cache.placed();
  }

  /** A unit of rendering work that may fail with an I/O error. */
  private interface IoTask {
    void run() throws IOException;
  }

  /** The task, printing its time when timings are on ({@code -Dhindsight.timings=true}). */
  private static IoTask timed(String name, IoTask task) {
    if (!dev.hindsight.diagnostic.StageTimer.enabled()) return task;
    return () -> {
      long start = System.nanoTime();
      task.run();
      dev.hindsight.diagnostic.StageTimer.task(name, start);
    };
  }

  /**
   * Runs the tasks on one thread per core, in the order given (longest first), and rethrows the
   * first failure as it was thrown: a broken template, an I/O error.
   */
  private static void runAll(List<IoTask> tasks) throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "hindsight-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>(tasks.size());
      for (IoTask task : tasks) {
        done.add(pool.submit(() -> {
          task.run();
          return null;
        }));
      }
      Throwable failed = null;
      for (java.util.concurrent.Future<?> f : done) {
        try {
          if (failed == null) f.get();
          else f.cancel(false);
        } catch (java.util.concurrent.ExecutionException e) {
          failed = e.getCause();
        }
      }
      if (failed != null) {
        // The tasks that had not started are cancelled; those running are waited for, so that none
        // writes into the target after the caller has thrown it away.
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
      }
      if (failed instanceof IOException io) throw io;
      if (failed instanceof UncheckedIOException io) throw io.getCause();
      if (failed instanceof RuntimeException re) throw re;
      if (failed instanceof Error err) throw err;
      if (failed != null) throw new IllegalStateException(failed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("the build was interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  /** The part of every page's cache key that is the same for the whole build: version, code and templates. */
  private String fingerprint(String version) throws IOException {
    StringBuilder sb = new StringBuilder(version).append('\u0000').append(dev.hindsight.load.CodeIdentity.value());
    for (String name : PAGE_TEMPLATES) sb.append('\u0000').append(name).append('\u0000').append(templates.template(name).toString());
    return sb.toString();
  }

  /**
   * Writes a page whose cache key is made from its inputs rather than its view, so that an
   * unchanged page is linked without building the view at all.
   */
  private void writeFromInputs(String templateName, java.util.function.Supplier<String> inputs, java.util.function.Supplier<Object> view,
      Path file) {
    writeCached(templateName, cache.enabled() ? cache.key(templateName + "#inputs", inputs.get()) : null, view, file);
  }

  /** Writes a page kept in the cache by its view data. */
  private void write(String templateName, Object page, Path file) {
    writeCached(templateName, cache.enabled() ? cache.key(templateName, keyText(page)) : null, () -> page, file);
  }

  /** The page kept under {@code key} if there is one, else rendered (and kept, with a key). */
  private void writeCached(String templateName, String key, java.util.function.Supplier<Object> view, Path file) {
    if (key != null) {
      try {
        // In an output folder that started from the last site the folder is mostly there already.
        if (!Files.isDirectory(file.getParent())) Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (cache.copyTo(key, file)) {
        cache.reused.incrementAndGet();
        return;
      }
    }
    render(templateName, view.get(), file, key);
  }

  /**
   * The text a page's cache key is made of: its view's text, except that the incident rows of the
   * index and the group pages (one record per incident, shared by the index and each of its half a
   * dozen groups) and the group pages' open actions are each hashed once and stand in by their
   * digests. Group pages hold most of the rows' text: building it whole for each of them was a
   * twentieth of a rebuild.
   */
  private String keyText(Object page) {
    if (page instanceof Views.GroupPage g) {
      return KeyText.of(new Views.GroupPage(g.site(), g.kind(), g.kindPlural(), g.name(), g.description(), List.of(), List.of(), g.facts(),
          g.total(), g.pager()))
          + digests(g.incidents()) + digests(g.openActions());
    }
    if (page instanceof Views.IndexPage x) {
      return KeyText.of(new Views.IndexPage(x.site(), List.of(), x.severities(), x.services(), x.categories(), x.statuses(), x.years(), x.drafts(),
          x.draftsIncluded(), x.total(), x.pager(), x.rowsUrl())) + digests(x.incidents());
    }
    return KeyText.of(page);
  }

  /**
   * The digest of each incident row's and open action's text, made once however many pages show
   * it. Found by identity, as the pages share one row per incident and one item per action: a
   * record's own hash code reads every field, on every lookup.
   */
  private final Map<Identity, String> digests = new java.util.concurrent.ConcurrentHashMap<>();

  /** An object compared by identity. */
  private record Identity(Object of) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.of == of;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(of);
    }
  }

  private String digests(List<?> items) {
    StringBuilder text = new StringBuilder(items.size() * 65 + 2).append('[');
    // The actions of a large corpus (some tens of thousands, for its calendars and exports) on every core.
    List<String> each = items.size() < 1000 ? items.stream().map(this::digest).toList() : items.parallelStream().map(this::digest).toList();
    for (String digest : each) text.append(digest).append(',');
    return text.append(']').toString();
  }

  private String digest(Object item) {
    return digests.computeIfAbsent(new Identity(item), r -> PageCache.digest(KeyText.of(item)));
  }

  /** Renders a page and keeps it in the cache under {@code key}; a null key keeps nothing. */
  private void render(String templateName, Object page, Path file, String key) {
    try {
      Files.createDirectories(file.getParent());
      Template template = templates.template(templateName);
      // Unsynchronised, encoding as it goes, and sized for an incident page (about 40 KB) so that it seldom grows.
      Utf8Writer html = new Utf8Writer(64 * 1024);
      template.process(Map.of("page", page), html);
      byte[] bytes = html.toByteArray();
      cache.write(key, file, bytes);
      cache.rendered.incrementAndGet();
    } catch (ParseException e) {
      throw failure(templateName, e.getLineNumber(), e.getColumnNumber(), "the template has a syntax error: " + e.getEditorMessage(), e);
    } catch (TemplateException e) {
      Integer line = e.getLineNumber();
      Integer column = e.getColumnNumber();
      throw failure(templateName, line == null ? 1 : line, column == null ? 1 : column,
          "the template failed while rendering " + file.getParent().getFileName() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TemplateFailure failure(String name, int line, int column, String message, Exception cause) {
    Location at = new Location(Path.of(templates.origin(name)), Math.max(1, line), Math.max(1, column));
    return new TemplateFailure(Diagnostic.error(at, Code.HS004, message,
        "fix the template, or delete it from your templates/ folder to use the built-in one"), cause);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }

  /** The incident schema, so that editors can point their YAML language server at the published site. */
  private static void copySchema(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : List.of("incident.schema.json", "config.schema.json")) {
      try (var in = SiteRenderer.class.getResourceAsStream("/dev/hindsight/schema/" + name)) {
        if (in == null) throw new IllegalStateException("schema missing from the jar: " + name);
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The files an incident links to (evidence, CSV series) that are copied next to its page, by
   * their names in its folder.
   */
  public static Set<String> dataFiles(Incident i) {
    Path folder = i.file().getParent();
    Set<String> names = linkedFiles(i);
    names.removeIf(name -> !copied(folder, name));
    return names;
  }

  /** The files in an incident's folder that it links to. */
  private static Set<String> linkedFiles(Incident i) {
    Path folder = i.file().getParent();
    Set<String> localFiles = new LinkedHashSet<>();
    i.metrics().forEach(m -> m.file().ifPresent(localFiles::add));
    i.references().stream().filter(r -> Reference.of(r, i).kind() == Reference.Kind.FILE).forEach(localFiles::add);
    localFiles.removeIf(name -> !Files.isRegularFile(folder.resolve(name)));
    return localFiles;
  }

  /** Whether a linked file is copied: only from within the incident's folder. */
  private static boolean copied(Path folder, String name) {
    Path src = folder.resolve(name).normalize();
    return src.startsWith(folder.normalize()) && dev.hindsight.load.Confinement.within(src, folder);
  }

  /** Copies the files an incident links to (evidence, CSV series) next to its page. */
  private static int copyDataFiles(Incident i, Path target) {
    Path folder = i.file().getParent();
    Set<String> localFiles = linkedFiles(i);
    try {
      for (String name : localFiles) {
        if (!copied(folder, name)) continue;
        Path src = folder.resolve(name).normalize();
        Path dest = target.resolve(name).normalize();
        Files.createDirectories(dest.getParent());
        Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return localFiles.size();
  }

}
