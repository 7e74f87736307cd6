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

  @BeforeAll
  static void corpus() throws Exception {
    new dev.hindsight.bench.SyntheticCorpus(160, 42).write(dir.resolve("corpus"));
    ValidationResult result = new Validator().validate(dir.resolve("corpus/postmortems"), Optional.of(dir.resolve("corpus/hindsight.yaml")));
    Analysis analysis = new Analyzer(result.config()).analyze(result.incidents(false), LocalDate.parse("2026-11-25"));
    all = analysis.actions();
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
    int notListed = all.size() - SectionViews.listedActions(all).size();
    assertThat(page.select("#all ~ div.table-scroll table.actions tbody tr")).hasSize(SectionViews.listedActions(all).size());
    assertThat(page.select("p.note").text()).contains(notListed + " actions done longer ago are not listed here");
    assertThat(page.select("p.note a[href$=data/actions.csv]")).isNotEmpty();
    assertThat(Files.readString(site.resolve("data/actions.csv")).lines().count()).as("the CSV keeps every action").isEqualTo(all.size() + 1);
  }
}
