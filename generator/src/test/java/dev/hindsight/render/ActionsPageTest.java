package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.cli.CliRun;
import dev.hindsight.validate.ValidationResult;
import dev.hindsight.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At scale the actions page lists what needs doing and the latest history, not every action ever. */
class ActionsPageTest {
  @TempDir static Path dir;
  static List<TrackedAction> all;
  static int reviewsDue;
  static List<java.time.LocalDate> reviewDates;

  @BeforeAll
  static void corpus() throws Exception {
    new dev.hindsight.bench.SyntheticCorpus(160, 42).write(dir.resolve("corpus"));
    ValidationResult result = new Validator().validate(dir.resolve("corpus/postmortems"), Optional.of(dir.resolve("corpus/hindsight.yaml")));
    Analysis analysis = new Analyzer(result.config()).analyze(result.incidents(false), LocalDate.parse("2026-11-25"));
    all = analysis.actions();
    reviewsDue = analysis.reviewsDue().size();
    reviewDates = result.incidents(false).stream().filter(i -> analysis.reviewsDue().contains(i.id())).map(i -> i.reviewOn().orElseThrow()).sorted().toList();
  }

  @Test
  void listsEveryPendingActionAndTheLatestDoneOnesInTheSameOrder() {
    List<TrackedAction> done = all.stream().filter(t -> !t.state().isPending()).toList();
    assertThat(done).as("the corpus has more done actions than the page lists").hasSizeGreaterThan(SectionViews.DONE_LISTED);
    List<TrackedAction> listed = SectionViews.listedActions(all);

    assertThat(listed).containsAll(all.stream().filter(t -> t.state().isPending()).toList());
    List<TrackedAction> listedDone = listed.stream().filter(t -> !t.state().isPending()).toList();
    assertThat(listedDone).hasSize(SectionViews.DONE_LISTED);
    assertThat(listed).as("in the order of the analysis").isEqualTo(all.stream().filter(listed::contains).toList());
    LocalDate oldestListed = listedDone.stream().map(t -> t.action().doneOn().orElse(t.action().due())).min(LocalDate::compareTo).orElseThrow();
    assertThat(done.stream().filter(t -> !listed.contains(t)))
        .allSatisfy(t -> assertThat(t.action().doneOn().orElse(t.action().due())).isBeforeOrEqualTo(oldestListed));
  }

  @Test
  void thePageSaysHowManyAreNotListedAndWhereTheyAre() throws Exception {
    Path site = dir.resolve("site");
    CliRun run = CliRun.run("build", "--no-briefs", "--input", dir.resolve("corpus/postmortems").toString(), "--output", site.toString(),
        "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Document page = Jsoup.parse(site.resolve("actions/index.html").toFile());
    int listed = SectionViews.listedActions(all).size();
    int notListed = all.size() - listed;
    assertThat(listed).as("more than a page of actions").isGreaterThan(2 * Paging.SIZE);
    // The list is cut into pages of 100: every listed action once, in order, across actions/ and actions/page/N/.
    List<String> rows = new java.util.ArrayList<>();
    int pages = (listed + Paging.SIZE - 1) / Paging.SIZE;
    for (int n = 1; n <= pages; n++) {
      Document p = n == 1 ? page : Jsoup.parse(site.resolve("actions/page/" + n + "/index.html").toFile());
      var trs = p.select("#all ~ div.table-scroll table.actions tbody tr");
      assertThat(trs).as("rows of page %d", n).hasSize(n < pages ? Paging.SIZE : listed - (pages - 1) * Paging.SIZE);
      trs.forEach(tr -> rows.add(tr.selectFirst("td").text()));
      assertThat(p.title()).startsWith(n == 1 ? "Actions · " : "Actions (page " + n + ") · ");
      assertThat(p.select("nav.pager a[aria-current=page]").text()).isEqualTo(String.valueOf(n));
      assertThat(p.select("#by-owner")).as("the tables by team and owner on the first page only").hasSize(n == 1 ? 1 : 0);
      for (var a : p.select("a[href]")) {
        String href = a.attr("href");
        if (href.startsWith("http") || href.startsWith("mailto:") || href.startsWith("#")) continue;
        Path target = site.resolve("actions/" + (n == 1 ? "" : "page/" + n + "/")).resolve(href.replaceAll("[#?].*", "")).normalize();
        assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("index.html"))).as("page %d links to %s", n, href).isTrue();
      }
    }
    assertThat(Files.exists(site.resolve("actions/page/" + (pages + 1)))).isFalse();
    assertThat(rows).as("every listed action once, in order").hasSize(listed)
        .isEqualTo(SectionViews.listedActions(all).stream().map(t -> t.action().id() + ": " + t.action().title()).toList());
    assertThat(page.select("p.note").text()).contains(notListed + " actions done longer ago are not listed here");
    // The reviews due: those due longest, and how many more there are.
    assertThat(reviewsDue).as("more reviews due than the page lists").isGreaterThan(SectionViews.REVIEWS_LISTED);
    assertThat(page.select("#reviews-due + ul li")).hasSize(SectionViews.REVIEWS_LISTED);
    List<java.time.LocalDate> shown = page.select("#reviews-due + ul li span.muted").eachText().stream()
        .map(t -> java.time.LocalDate.parse(t.replaceFirst("^\\(review due ([^,]+),.*", "$1"), java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)))
        .toList();
    assertThat(shown).as("due longest first").isSorted();
    assertThat(shown.get(shown.size() - 1)).as("none left out is due longer").isBeforeOrEqualTo(lastLeftOut());
    assertThat(page.select("#reviews-due ~ p.note").first().text())
        .contains((reviewsDue - SectionViews.REVIEWS_LISTED) + " more are due since").contains("calendar");
    assertThat(page.select("p.note a[href$=data/actions.csv]")).isNotEmpty();
    assertThat(Files.readString(site.resolve("data/actions.csv")).lines().count()).as("the CSV keeps every action").isEqualTo(all.size() + 1);
  }

  /** The review date of the first review due that the page leaves out. */
  private static java.time.LocalDate lastLeftOut() {
    return reviewDates.get(SectionViews.REVIEWS_LISTED);
  }
}
