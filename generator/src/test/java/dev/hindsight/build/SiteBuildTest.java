package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build publishes, and that it never publishes a broken or partial site. */
class SiteBuildTest {
  private static final Path BASELINE = TestPaths.resource("rules/valid-baseline");

  private static Path copyCorpus(Path fixture, Path dir) throws IOException {
    Path target = dir.resolve("corpus");
    try (Stream<Path> walk = Files.walk(fixture)) {
      for (Path p : walk.toList()) {
        Path dest = target.resolve(fixture.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dest);
        else Files.copy(p, dest);
      }
    }
    return target;
  }

  /** How many pages a build's summary line says it wrote. */
  private static int pagesBuilt(String out) {
    return Integer.parseInt(out.replaceAll("(?s).*Built (\\d+) pages.*", "$1"));
  }

  private static CliRun build(Path corpus, Path output, String... extra) {
    String[] base = {"build", "--input", corpus.resolve("postmortems").toString(), "--output", output.toString(), "--as-of", "2026-11-25"};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    return CliRun.run(args);
  }

  @Test
  void writesAnIndexAndOnePagePerIncident(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    CliRun run = build(corpus, out);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    // index, the incident, its service, category and team (dba), browse, actions, trends, glossary
    // and 1 + 5 PDF briefs: the incident's, and those of the current and previous quarters and months
    assertThat(run.out()).contains("Built 9 pages (0 unchanged, reused) and 6 PDF briefs (0 unchanged, reused) from 1 incident files");
    assertThat(out.resolve("briefs/2025-03-04-orders-slow.pdf")).isNotEmptyFile();
    assertThat(out.resolve("services/orders-db/index.html")).exists();
    assertThat(out.resolve("categories/missing-index/index.html")).exists();
    assertThat(out.resolve("teams/dba/index.html")).exists();
    assertThat(out.resolve("trends/index.html")).exists();
    assertThat(out.resolve("actions/index.html")).exists();
    assertThat(out.resolve("browse/index.html")).exists();
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("assets/site.css")).exists();
    Document page = Jsoup.parse(out.resolve("incidents/2025-03-04-orders-slow/index.html").toFile());
    assertThat(page.select("h1").text()).isEqualTo("Orders database slow after deploy");
    assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("../../assets/site.css");
    Document index = Jsoup.parse(out.resolve("index.html").toFile());
    assertThat(index.select("table.incidents a.title").attr("href")).isEqualTo("incidents/2025-03-04-orders-slow/");
    assertThat(dir.toFile().list()).as("no staging folders left behind").containsOnly("corpus", "site", ".hindsight-cache");
  }

  @Test
  void rebuildsOnlyTheBriefsWhoseInputChanged(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path second = corpus.resolve("postmortems/2025-03-10-orders-slow-again.md");
    Files.writeString(second, Files.readString(corpus.resolve("postmortems/2025-03-04-orders-slow.md"))
        .replace("2025-03-04T", "2025-03-10T").replace("due: 2025-03-11", "due: 2025-03-17").replace("done_on: 2025-03-10", "done_on: 2025-03-16")
        .replace("review_on: 2025-03-18", "review_on: 2025-03-24").replace("published_on: 2025-03-05", "published_on: 2025-03-11"));
    Path out = dir.resolve("site");
    assertThat(build(corpus, out).out()).contains("7 PDF briefs (0 unchanged, reused)");
    byte[] first = Files.readAllBytes(out.resolve("briefs/2025-03-10-orders-slow-again.pdf"));
    assertThat(build(corpus, out).out()).contains("7 PDF briefs (7 unchanged, reused)");
    assertThat(out.resolve("briefs/2025-03-10-orders-slow-again.pdf")).hasBinaryContent(first);

    Files.writeString(second, Files.readString(second).replace("title: Orders database slow after deploy", "title: Orders database slow after the deploy"));
    CliRun run = build(corpus, out);
    assertThat(run.out()).as("only the edited incident's brief is rendered again").contains("7 PDF briefs (6 unchanged, reused)");
    Path brief = out.resolve("briefs/2025-03-10-orders-slow-again.pdf");
    assertThat(Files.getAttribute(brief, "unix:nlink")).as("a brief and its cache entry are one file").isEqualTo(2);
    assertThat(keptBriefs(dir)).as("the brief made before the edit is no longer kept").hasSize(7);

    // Briefs are kept by their inputs: the configuration is on every one, and the figures of an
    // incident change with the others (here its recurrence, once the first incident is gone).
    Path config = corpus.resolve("hindsight.yaml");
    Files.writeString(config, "title: Renamed site\n" + Files.readString(config));
    assertThat(build(corpus, out).out()).contains("7 PDF briefs (0 unchanged, reused)");
    Files.delete(corpus.resolve("postmortems/2025-03-04-orders-slow.md"));
    assertThat(build(corpus, out).exitCode()).isZero();
    Path afresh = Files.createDirectories(dir.resolve("afresh")).resolve("site");
    assertThat(build(corpus, afresh, "--no-cache").exitCode()).isZero();
    assertThat(tree(out)).isEqualTo(tree(afresh));

    // A new as-of date is on every brief: all are made again, and the cache keeps only the new ones.
    String input = corpus.resolve("postmortems").toString();
    assertThat(CliRun.run("build", "--input", input, "--output", out.toString(), "--as-of", "2026-11-26").out())
        .contains("6 PDF briefs (0 unchanged, reused)");
    assertThat(keptBriefs(dir)).hasSize(6);
    Path clean = Files.createDirectories(dir.resolve("elsewhere")).resolve("site");
    assertThat(CliRun.run("build", "--input", input, "--output", clean.toString(), "--as-of", "2026-11-26", "--no-cache").exitCode()).isZero();
    assertThat(tree(out)).isEqualTo(tree(clean));
  }

  private static List<Path> keptBriefs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(".hindsight-cache/briefs"))) {
      return files.filter(f -> f.toString().endsWith(".pdf")).toList();
    }
  }

  @Test
  void anIncrementalBuildRendersOnlyWhatChangedAndEqualsACleanBuild(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Files.writeString(corpus.resolve("postmortems/2025-03-10-orders-slow-again.md"), Files.readString(file)
        .replace("2025-03-04T", "2025-03-10T").replace("due: 2025-03-11", "due: 2025-03-17").replace("done_on: 2025-03-10", "done_on: 2025-03-16")
        .replace("review_on: 2025-03-18", "review_on: 2025-03-24").replace("published_on: 2025-03-05", "published_on: 2025-03-11"));
    Path out = dir.resolve("site");
    String first = build(corpus, out, "--no-briefs").out();
    int pages = pagesBuilt(first);
    assertThat(first).contains("(0 unchanged, reused)");
    assertThat(build(corpus, out, "--no-briefs").out()).contains("Built " + pages + " pages (" + pages + " unchanged, reused)");

    Files.writeString(file, Files.readString(file) + "\nA sentence added to the narrative.\n");
    assertThat(build(corpus, out, "--no-briefs").out()).as("only the edited incident's page is rendered again")
        .contains("Built " + pages + " pages (" + (pages - 1) + " unchanged, reused)");

    // An open action, then its new title: on the incident's and the team's pages, the actions page,
    // the calendars, the search index and the data exports, all joined in part from kept pieces.
    Path again = corpus.resolve("postmortems/2025-03-10-orders-slow-again.md");
    Files.writeString(again, Files.readString(again).replace("follow_up:\n", "  - id: A2\n    title: Alert on sequential scans\n    owner: dba\n"
        + "    due: 2025-03-30\n    type: detect\n    priority: P2\n    status: open\nfollow_up:\n"));
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isZero();
    Files.writeString(again, Files.readString(again).replace("Alert on sequential scans", "Alert on sequential scans of large tables"));
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isZero();
    assertThat(Files.readString(out.resolve("calendar/all.ics"))).contains("Alert on sequential scans of large tables");

    Path clean = Files.createDirectories(dir.resolve("elsewhere")).resolve("site");
    assertThat(build(corpus, clean, "--no-briefs").out()).contains("(0 unchanged, reused)");
    assertThat(tree(out)).isEqualTo(tree(clean));
  }

  /**
   * The calendars, the actions' exports, the trends export and the feed are kept like pages, by
   * what they are made of: an edit to a narrative leaves them as they were (the same files, linked
   * again), an action's new status makes them again, and every rebuild equals a clean build.
   */
  @Test
  void corpusWideFilesAreMadeAgainOnlyWhenWhatTheyAreMadeOfChanged(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Path out = dir.resolve("site");
    List<String> kept = List.of("calendar/all.ics", "data/actions.csv", "data/actions.json", "data/trends.json", "feed.xml");
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isZero();
    java.util.Map<String, Object> before = fileKeys(out, kept);
    Object index = fileKey(out.resolve("data/search/vocab.json"));

    Files.writeString(file, Files.readString(file) + "\nA sentence added to the narrative.\n");
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isZero();
    assertThat(fileKeys(out, kept)).as("the same files, put in place again").isEqualTo(before);
    assertThat(fileKey(out.resolve("data/search/vocab.json"))).as("the search index holds the narrative's words: made again").isNotEqualTo(index);
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "narrative", "--no-briefs")));

    String text = Files.readString(file);
    assertThat(text).contains("    status: done\n    done_on: 2025-03-10\n");
    Files.writeString(file, text.replace("    status: done\n    done_on: 2025-03-10\n", "    status: in-progress\n"));
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isZero();
    java.util.Map<String, Object> after = fileKeys(out, kept);
    for (String name : List.of("calendar/all.ics", "data/actions.csv", "data/actions.json", "data/trends.json")) {
      assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name));
    }
    assertThat(Files.readString(out.resolve("data/actions.csv"))).contains("in-progress");
    assertThat(Files.readString(out.resolve("calendar/all.ics"))).as("an open action is due in the calendar").contains("Due: Add the index");
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "status", "--no-briefs")));

    // A kept file edited in place in the published site is made again by a full build, never spread.
    Files.writeString(out.resolve("data/actions.csv"), "edited in place");
    assertThat(build(corpus, out, "--no-briefs", "--full").exitCode()).isZero();
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "edited", "--no-briefs")));
  }

  private static java.util.Map<String, Object> fileKeys(Path site, List<String> names) throws IOException {
    java.util.Map<String, Object> keys = new java.util.TreeMap<>();
    for (String name : names) keys.put(name, fileKey(site.resolve(name)));
    return keys;
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }

  /**
   * The site a build replaces is kept in the cache with only its links (pages and briefs), and the
   * next build starts from it: unchanged pages are already in place. Whatever that build does not
   * place again (the page of a removed incident, a group no incident is in any more, briefs no longer
   * asked for) is swept before the swap, so every site is what a build into an empty folder makes.
   */
  @Test
  void aBuildStartingFromTheReplacedSitePublishesWhatABuildIntoAnEmptyFolderDoes(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Path payments = corpus.resolve("postmortems/2025-03-10-payments-slow.md");
    Files.writeString(payments, Files.readString(file).replace("orders-db", "payments-db").replace("Orders database", "Payments database")
        .replace("2025-03-04T", "2025-03-10T").replace("due: 2025-03-11", "due: 2025-03-17").replace("done_on: 2025-03-10", "done_on: 2025-03-16")
        .replace("review_on: 2025-03-18", "review_on: 2025-03-24").replace("published_on: 2025-03-05", "published_on: 2025-03-11"));
    Path out = dir.resolve("site");
    Path spare = dir.resolve(".hindsight-cache/previous-site/site");
    assertThat(build(corpus, out).exitCode()).isZero();
    assertThat(spare).as("a first build replaces no site").doesNotExist();
    String first = build(corpus, out, "--full").out();
    int pages = pagesBuilt(first);
    assertThat(first).contains("(" + pages + " unchanged, reused)");
    assertThat(tree(spare).keySet()).as("the replaced site, its links only").contains("incidents/2025-03-10-payments-slow/index.html",
        "services/payments-db/index.html", "briefs/2025-03-10-payments-slow.pdf", "data/actions.csv", "calendar/all.ics", ".hindsight-spare")
        .noneMatch(f -> f.startsWith("data/search/") || f.equals("data/incidents.json") || f.startsWith("assets/") || f.equals(".hindsight-site"));
    Path page = out.resolve("incidents/2025-03-04-orders-slow/index.html");
    assertThat(Files.getAttribute(page, "unix:nlink")).as("the page, its cache entry and the replaced site's link are one file").isEqualTo(3);

    // Unchanged: the next build starts from the replaced site and finds every page in place.
    assertThat(build(corpus, out, "--full").out()).contains("(" + pages + " unchanged, reused)");
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "same")));

    // A removed incident takes its page, its brief and its service's page with it; an edit is rendered again.
    Files.delete(payments);
    Files.writeString(file, Files.readString(file) + "\nA sentence added to the narrative.\n");
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isZero();
    assertThat(out.resolve("services/payments-db")).doesNotExist();
    assertThat(out.resolve("incidents/2025-03-10-payments-slow")).doesNotExist();
    assertThat(out.resolve("briefs")).doesNotExist();
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "removed", "--no-briefs")));

    // It comes back, with briefs again, and then the published page is edited in place.
    Files.writeString(payments, Files.readString(file).replace("orders-db", "payments-db").replace("2025-03-04T", "2025-03-10T"));
    assertThat(build(corpus, out).exitCode()).isZero();
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "back")));
    Files.writeString(out.resolve("index.html"), "edited in place");
    assertThat(build(corpus, out, "--full").exitCode()).isZero();
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "edited")));

    // A spare cut short while being emptied (no mark that it is complete) is never started from.
    Files.delete(spare.resolve(".hindsight-spare"));
    Files.writeString(spare.resolve("stray.html"), "left by a killed build");
    assertThat(build(corpus, out, "--full").exitCode()).isZero();
    assertThat(out.resolve("stray.html")).doesNotExist();
    assertThat(tree(out)).isEqualTo(tree(cleanBuild(corpus, dir, "after-a-cut")));
    assertThat(dir.toFile().list()).as("no staging folders left behind").containsOnly("corpus", "site", ".hindsight-cache", "clean");
  }

  /**
   * A build that starts from the replaced site replaces its pages, never writes into them: they are
   * the published pages too, while they have not changed since. A build that fails after rendering
   * its pages and the incidents' briefs (here at the period briefs) leaves the published site exactly as it was.
   */
  @Test
  void aFailedBuildThatStartedFromTheReplacedSiteLeavesThePublishedOneAsItWas(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    assertThat(build(corpus, out).exitCode()).isZero();
    assertThat(build(corpus, out, "--full").exitCode()).isZero();
    java.util.Map<String, String> published = tree(out);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Files.writeString(file, Files.readString(file).replace("title: Orders database slow after deploy", "title: Orders database slow after the deploy"));
    Files.createDirectories(corpus.resolve("templates"));
    Files.writeString(corpus.resolve("templates/period-brief.ftlh"), "<#if>");
    CliRun failed = build(corpus, out);
    assertThat(failed.exitCode()).isNotZero();
    assertThat(failed.err()).contains("period-brief.ftlh");
    assertThat(tree(out)).isEqualTo(published);
  }

  /** A build of {@code corpus} into a new folder of its own, without a cache. */
  private static Path cleanBuild(Path corpus, Path dir, String name, String... extra) throws IOException {
    Path clean = Files.createDirectories(dir.resolve("clean").resolve(name)).resolve("site");
    String[] args = Stream.concat(Stream.of(extra), Stream.of("--no-cache")).toArray(String[]::new);
    assertThat(build(corpus, clean, args).exitCode()).isZero();
    return clean;
  }

  /**
   * A kept page and the published page are one file (a hard link) where the file system allows:
   * nothing is written twice. A page edited in place in the published site is therefore the kept
   * entry too; the next build must notice and render it again, never publish the edit.
   */
  @Test
  void keptPagesAreLinksToThePublishedOnesAndAnEditInPlaceIsNeverSpread(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    String first = build(corpus, out, "--no-briefs").out();
    int pages = pagesBuilt(first);
    Path page = out.resolve("incidents/2025-03-04-orders-slow/index.html");
    String rendered = Files.readString(page);
    assertThat(Files.getAttribute(page, "unix:nlink")).as("the page and its cache entry are one file").isEqualTo(2);

    assertThat(build(corpus, out, "--no-briefs", "--full").out()).contains("(" + pages + " unchanged, reused)");
    assertThat(Files.getAttribute(page, "unix:nlink")).as("a reused page is linked again, not copied (and the replaced site, kept in the cache, holds a third link)")
        .isEqualTo(3);

    // An edit of the same length, as a careless post-processing step might make, written into the file itself.
    String edited = "!" + rendered.substring(1);
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(page, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    assertThat(Files.readString(page)).isNotEqualTo(rendered).hasSameSizeAs(rendered);
    assertThat(build(corpus, out, "--no-briefs", "--full").out()).as("the edited page is rendered again by a full build")
        .contains("(" + (pages - 1) + " unchanged, reused)");
    assertThat(Files.readString(page)).isEqualTo(rendered);

    Path clean = Files.createDirectories(dir.resolve("elsewhere")).resolve("site");
    assertThat(build(corpus, clean, "--no-briefs", "--no-cache").exitCode()).isZero();
    assertThat(tree(out)).isEqualTo(tree(clean));
  }

  /**
   * A page reused from the cache without building its view must still change when anything it
   * shows changes elsewhere: a metric's CSV, the title of an incident it links to, the text file it
   * shows inline.
   */
  @Test
  void aPageFollowsChangesToWhatItShowsFromOtherFiles(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Path folder = Files.createDirectories(corpus.resolve("postmortems/2025-03-10-orders-slow-again"));
    Files.writeString(folder.resolve("plan.txt"), "Seq Scan on orders (rows=1200000)\n");
    Files.writeString(folder.resolve("index.md"), Files.readString(file)
        .replace("2025-03-04T", "2025-03-10T").replace("due: 2025-03-11", "due: 2025-03-17").replace("done_on: 2025-03-10", "done_on: 2025-03-16")
        .replace("review_on: 2025-03-18", "review_on: 2025-03-24").replace("published_on: 2025-03-05", "published_on: 2025-03-11")
        .replace("status: published\n", "status: published\nrelated: [2025-03-04-orders-slow]\n")
        .replace("      evidence: [latency, deploy]\n", "      evidence: [latency, deploy]\n  evidence:\n    - ref: plan.txt\n      note: the plan during the incident\n")
        .replace("metrics:\n", "metrics:\n  - id: cpu\n    title: orders-db CPU\n    unit: \"%\"\n    source: node_exporter\n    file: cpu.csv\n"));
    Files.writeString(folder.resolve("cpu.csv"), "time,value\n2025-03-10T09:00:00Z,41.5\n2025-03-10T09:05:00Z,97.25\n");
    Path out = dir.resolve("site");
    CliRun first = build(corpus, out, "--no-briefs");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
    Path page = out.resolve("incidents/2025-03-10-orders-slow-again/index.html");
    assertThat(Files.readString(page)).contains("Orders database slow after deploy", "Seq Scan on orders", "97.25");

    Files.writeString(folder.resolve("cpu.csv"), "time,value\n2025-03-10T09:00:00Z,41.5\n2025-03-10T09:05:00Z,88.75\n");
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isEqualTo(0);
    assertThat(Files.readString(page)).as("a sample changed in the CSV").contains("88.75").doesNotContain("97.25");

    Files.writeString(file, Files.readString(file).replace("title: Orders database slow after deploy", "title: Orders database slow after the Tuesday deploy"));
    Files.writeString(folder.resolve("plan.txt"), "Index Scan using orders_created_at_idx\n");
    assertThat(build(corpus, out, "--no-briefs").exitCode()).isEqualTo(0);
    assertThat(Files.readString(page)).contains("Orders database slow after the Tuesday deploy", "Index Scan using orders_created_at_idx")
        .doesNotContain("Seq Scan on orders");
    Path clean = Files.createDirectories(dir.resolve("elsewhere")).resolve("site");
    assertThat(build(corpus, clean, "--no-briefs").exitCode()).isEqualTo(0);
    assertThat(tree(out)).isEqualTo(tree(clean));
  }

  @Test
  void aChangedConfigurationOrDateRendersEveryPageAgainAndNoCacheUsesNone(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    String first = build(corpus, out, "--no-briefs").out();
    int pages = pagesBuilt(first);
    Path config = corpus.resolve("hindsight.yaml");
    Files.writeString(config, "title: Renamed site\n" + Files.readString(config));
    assertThat(build(corpus, out, "--no-briefs").out()).as("the site title is on every page").contains("Built " + pages + " pages (0 unchanged, reused)");
    assertThat(Files.readString(out.resolve("incidents/2025-03-04-orders-slow/index.html"))).contains("Renamed site");
    String input = corpus.resolve("postmortems").toString();
    assertThat(CliRun.run("build", "--input", input, "--output", out.toString(), "--as-of", "2025-06-01", "--no-briefs").out())
        .as("the as-of date is on every incident page").contains("(0 unchanged, reused)");

    Path clean = Files.createDirectories(dir.resolve("elsewhere")).resolve("site");
    assertThat(CliRun.run("build", "--input", input, "--output", clean.toString(), "--as-of", "2025-06-01", "--no-briefs", "--no-cache").out())
        .contains("(0 unchanged, reused)");
    assertThat(tree(out)).isEqualTo(tree(clean));
    assertThat(dir.resolve("elsewhere/.hindsight-cache/pages")).as("--no-cache keeps no pages").doesNotExist();
    assertThat(dir.resolve("elsewhere/.hindsight-cache/validation")).as("--no-cache keeps no results").doesNotExist();
    assertThat(dir.resolve("elsewhere/.hindsight-cache/fragments")).as("--no-cache keeps no pieces").doesNotExist();
  }

  /** Every file and folder below a folder, each file with its content's digest, for comparing whole sites. */
  private static java.util.Map<String, String> tree(Path root) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        if (!Files.isRegularFile(p)) {
          files.put(root.relativize(p) + "/", Files.isDirectory(p) ? "folder" : "other");
          continue;
        }
        files.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  @Test
  void withoutBriefsNoPageLinksToOne(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    assertThat(build(corpus, out, "--no-briefs").out()).contains("0 PDF briefs");
    assertThat(out.resolve("briefs")).doesNotExist();
    assertThat(Files.readString(out.resolve("incidents/2025-03-04-orders-slow/index.html"))).doesNotContain(".pdf");
    assertThat(Files.readString(out.resolve("trends/index.html"))).doesNotContain(".pdf");
  }

  @Test
  void leavesDraftsOutUnlessAskedFor(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Files.writeString(file, Files.readString(file).replace("status: published", "status: draft"));
    Path out = dir.resolve("site");

    assertThat(build(corpus, out).exitCode()).isEqualTo(0);
    assertThat(out.resolve("incidents/2025-03-04-orders-slow")).doesNotExist();
    assertThat(Jsoup.parse(out.resolve("index.html").toFile()).text()).contains("1 draft not shown");

    assertThat(build(corpus, out, "--drafts").exitCode()).isEqualTo(0);
    Document page = Jsoup.parse(out.resolve("incidents/2025-03-04-orders-slow/index.html").toFile());
    assertThat(page.select(".banner.draft").text()).startsWith("Draft");
  }

  @Test
  void refusesToPublishWhenTheInputHasErrorsAndKeepsThePreviousSite(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    assertThat(build(corpus, out).exitCode()).isEqualTo(0);
    String before = Files.readString(out.resolve("incidents/2025-03-04-orders-slow/index.html"));

    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Files.writeString(file, Files.readString(file).replace("Orders database slow after deploy", "Changed title").replace("    owner: dba\n", ""));
    CliRun run = build(corpus, out);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error HS101").contains("nothing was published");
    assertThat(Files.readString(out.resolve("incidents/2025-03-04-orders-slow/index.html"))).isEqualTo(before);
  }

  @Test
  void aBrokenTemplateIsReportedWithItsLocationAndThePreviousSiteStays(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    assertThat(build(corpus, out).exitCode()).isEqualTo(0);
    String before = Files.readString(out.resolve("index.html"));

    Path templates = Files.createDirectories(corpus.resolve("templates"));
    Files.writeString(templates.resolve("incident.ftlh"), "<#import \"layout.ftlh\" as layout>\n<p>${page.title}</p>\n<p>${page.noSuchField}</p>\n");
    CliRun run = build(corpus, out);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("incident.ftlh:3:").contains("error HS004").contains("page.noSuchField");
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(before);
    assertThat(dir.toFile().list()).as("no staging folders left behind").containsOnly("corpus", "site", ".hindsight-cache");
  }

  @Test
  void aTemplatesFolderBesideTheInputOverridesTheBuiltInOneFileByFile(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path templates = Files.createDirectories(corpus.resolve("templates/assets")).getParent();
    Files.writeString(templates.resolve("assets/site.css"), "body { color: rebeccapurple; }");
    Path out = dir.resolve("site");
    assertThat(build(corpus, out).exitCode()).isEqualTo(0);
    assertThat(Files.readString(out.resolve("assets/site.css"))).contains("rebeccapurple");
    assertThat(out.resolve("incidents/2025-03-04-orders-slow/index.html")).exists();
  }

  @Test
  void aSecondBuildOfTheSameOutputWaitsItsTurn(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = dir.resolve("site");
    Path lockFile = Files.createDirectories(dir.resolve(".hindsight-cache")).resolve("site.lock");
    try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        var held = channel.lock()) {
      CliRun run = build(corpus, out, "--no-briefs");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("another build is writing");
    }
    assertThat(build(corpus, out, "--no-briefs").exitCode()).as("once the other build is done").isEqualTo(0);
  }

  @Test
  void neverBuildsIntoARepositoryRoot(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path repo = Files.createDirectories(dir.resolve("repo/.git")).getParent();
    CliRun run = build(corpus, repo, "--no-briefs");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("looks like a repository or project root");
    assertThat(repo.resolve(".git")).isDirectory();
  }

  @Test
  void neverReplacesAFolderItDidNotGenerate(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(out.resolve("thesis.tex"), "years of work");
    CliRun run = build(corpus, out);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("holds files that Hindsight did not generate", "--force");
    assertThat(out.resolve("thesis.tex")).hasContent("years of work");
  }

  @Test
  void forceReplacesAForeignFolderWholeButNeverARepositoryOrTheInput(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path out = Files.createDirectories(dir.resolve("old-jekyll-site"));
    Files.writeString(out.resolve("about.html"), "old");
    CliRun run = build(corpus, out, "--no-briefs", "--force");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(out.resolve("about.html")).as("replaced whole, not merged").doesNotExist();
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve(SiteBuild.MARKER)).exists();

    Path repo = Files.createDirectories(dir.resolve("repo/.git")).getParent();
    assertThat(build(corpus, repo, "--no-briefs", "--force").exitCode()).isEqualTo(1);
    assertThat(repo.resolve(".git")).isDirectory();
    CliRun intoInput = build(corpus, corpus.resolve("postmortems"), "--no-briefs", "--force");
    assertThat(intoInput.exitCode()).isEqualTo(1);
    assertThat(intoInput.err()).contains("overlaps the input folder");
    // A stand-in home folder, so that a mistake here could never touch the real one.
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(".bashrc"), "keep");
    String realHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      CliRun intoHome = build(corpus, home, "--no-briefs", "--force");
      assertThat(intoHome.exitCode()).isEqualTo(1);
      assertThat(intoHome.err()).contains("your home folder");
    } finally {
      System.setProperty("user.home", realHome);
    }
    assertThat(home.resolve(".bashrc")).hasContent("keep");
  }

  @Test
  void hostileNamesNeverLeaveTheSiteOrOverwriteAnotherPage(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    List<String> teams = List.of("../../escaped", "..\\..\\escaped", "/tmp/escaped", "CON", "Ops team", "ops-team", "Тeam Ω", "Team Ω");
    StringBuilder config = new StringBuilder("time_zone: Europe/Berlin\nteams:\n  - name: dba\n    members: [maria]\n");
    for (String t : teams) config.append("  - name: '").append(t).append("'\n    members: ['owner of ").append(t).append("']\n");
    config.append("slos:\n  - name: checkout-availability\n    target: 99.95\n    window_days: 30\n");
    Files.writeString(corpus.resolve("hindsight.yaml"), config.toString());
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    String text = Files.readString(file).replace("services: [orders-db]", "services: [orders-db, Orders-DB, CON, nul, " + "a".repeat(200) + "]\ntags: [Orders-DB, orders-db, com1]");
    StringBuilder actions = new StringBuilder();
    int n = 10;
    for (String t : teams) {
      actions.append("  - id: T").append(n++).append("\n    title: Check the runbook\n    owner: 'owner of ").append(t)
          .append("'\n    due: 2025-04-15\n    type: detect\n    priority: P2\n    status: open\n");
    }
    text = text.replace("actions:\n", "actions:\n" + actions);
    Files.writeString(file, text);
    Path out = dir.resolve("site");
    CliRun run = build(corpus, out, "--no-briefs");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);

    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.map(p -> out.relativize(p).toString())).allMatch(p -> p.matches("[A-Za-z0-9._/-]*"), "only safe names in the site");
    }
    assertThat(dir.resolve("escaped")).doesNotExist();
    assertThat(Path.of("/tmp/escaped")).doesNotExist();
    try (Stream<Path> groups = Files.list(out.resolve("services"))) {
      assertThat(groups.count()).as("one page per service, none overwritten").isEqualTo(5);
    }
    try (Stream<Path> groups = Files.list(out.resolve("teams"))) {
      assertThat(groups.count()).as("one page per team, none overwritten").isEqualTo(teams.size() + 1);
    }
    try (Stream<Path> ics = Files.list(out.resolve("calendar"))) {
      assertThat(ics.filter(p -> p.getFileName().toString().startsWith("owner-")).count())
          .as("one calendar per owner with open actions (dba's only action is done)").isEqualTo(teams.size());
    }
    Document browse = Jsoup.parse(out.resolve("browse/index.html").toFile());
    for (org.jsoup.nodes.Element a : browse.select("main a[href]:not([href^=#])")) {
      Path target = out.resolve("browse").resolve(a.attr("href")).normalize();
      assertThat(target).as(a.text()).startsWith(out);
      assertThat(target.resolve("index.html")).as(a.text()).exists();
      assertThat(Jsoup.parse(target.resolve("index.html").toFile()).select("h1").text()).as("the page is the one the link names").endsWith(" " + a.text());
    }
  }

  @Test
  void rawHtmlInMarkdownNeverReachesThePageAsMarkup(@TempDir Path dir) throws IOException {
    Path corpus = copyCorpus(BASELINE, dir);
    Path file = corpus.resolve("postmortems/2025-03-04-orders-slow.md");
    Files.writeString(file, Files.readString(file)
        .replace("summary: Checkout was slow for 40 minutes.", "summary: \"Slow <script>alert(1)</script> checkout\"")
        + "\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) and <a href=\"javascript:alert(2)\">this</a>\n\n"
        + "| query | ms |\n|---|---|\n| `SELECT 1` | 3 |\n");
    Path out = dir.resolve("site");
    assertThat(build(corpus, out).exitCode()).isEqualTo(0);
    Document page = Jsoup.parse(out.resolve("incidents/2025-03-04-orders-slow/index.html").toFile());
    assertThat(page.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("../../assets/"));
    assertThat(page.select("script:not([src])")).allMatch(s -> s.attr("type").equals("application/json"));
    assertThat(page.select("script").outerHtml()).doesNotContain("alert");
    assertThat(page.select("[onerror]")).isEmpty();
    assertThat(page.select("a[href^=javascript]")).isEmpty();
    assertThat(page.select(".narrative table.md-table td").text()).contains("SELECT 1");
    assertThat(page.select(".summary-box").text()).contains("Slow").contains("checkout");
  }
}
