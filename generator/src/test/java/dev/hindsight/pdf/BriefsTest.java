package dev.hindsight.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.model.Action;
import dev.hindsight.model.Incident;
import dev.hindsight.render.TemplateSet;
import dev.hindsight.validate.ValidationResult;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an executive finds in the PDF brief of each shipped example, read back with PDFBox. */
class BriefsTest {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-25");
  private static ValidationResult examples;
  private static Analysis analysis;
  private static Briefs briefs;

  @BeforeAll
  static void analyseTheExamples() {
    Path root = TestPaths.repoRoot();
    examples = new Validator().validate(root.resolve("postmortems"), Optional.of(root.resolve("hindsight.yaml")));
    analysis = new Analyzer(examples.config()).analyze(examples.incidents(false), AS_OF);
    briefs = new Briefs(new TemplateSet(Optional.empty()), examples.config(), "test");
  }

  private static String text(PDDocument doc) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(doc);
  }

  private static String squeezed(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void everyBriefFitsOnTwoPagesAndNamesEveryOwnerDueDateAndTheFollowUp() throws IOException {
    for (Incident i : examples.incidents(false)) {
      try (PDDocument doc = Loader.loadPDF(briefs.incident(i, analysis))) {
        assertThat(doc.getNumberOfPages()).as(i.id()).isBetween(1, 2);
        String text = squeezed(text(doc));
        assertThat(text).as(i.id()).contains(squeezed(i.title()));
        for (Action a : i.actions()) {
          assertThat(text).as(i.id() + " " + a.id()).contains(squeezed(a.owner())).contains(squeezed(DATE.format(a.due())));
        }
        i.reviewOn().ifPresent(r -> assertThat(text).as(i.id()).contains("Follow-upreview:" + squeezed(DATE.format(r))));
      }
    }
  }

  @Test
  void fontsAreEmbeddedAndTheDocumentDescribesItself() throws IOException {
    Incident checkout = byId("2025-05-20-checkout-outage-reporting-query-deadlock");
    try (PDDocument doc = Loader.loadPDF(briefs.incident(checkout, analysis))) {
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).contains("DejaVuSans");
        }
      }
      var info = doc.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo(checkout.title());
      assertThat(info.getAuthor()).isEqualTo(examples.config().title());
      assertThat(info.getSubject()).contains("SEV1", "deadlock");
      assertThat(info.getKeywords()).contains("orders-db");
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) bookmarks.add(item.getTitle());
      assertThat(bookmarks).containsExactly("What happened", "Impact", "Why", "What we did", "Action plan");
      String text = text(doc);
      assertThat(squeezed(text)).contains("https://postmortems.acme.example/incidents/2025-05-20-checkout-outage-reporting-query-deadlock/");
      assertThat(text).contains("Deadlock:").contains("Page 1 of 2");
    }
  }

  @Test
  void theSameInputGivesByteIdenticalPdfs() throws IOException {
    Incident checkout = byId("2025-05-20-checkout-outage-reporting-query-deadlock");
    assertThat(briefs.incident(checkout, analysis)).isEqualTo(briefs.incident(checkout, analysis));
  }

  @Test
  void ownersNamedInOtherScriptsComeOutAsTheSameText(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    String baseline = Files.readString(TestPaths.resource("rules/valid-baseline/postmortems/2025-03-04-orders-slow.md"));
    Files.writeString(input.resolve("2025-03-04-orders-slow.md"), baseline
        .replace("    owner: dba\n", "    owner: Žofia Dvořáková\n")
        .replace("    done_on: 2025-03-10\n", "    done_on: 2025-03-10\n  - id: A2\n    title: \"Πρόληψη: alert on lock waits\"\n"
            + "    owner: Дмитрий Иванов\n    due: 2025-03-20\n    type: detect\n    priority: P2\n    status: open\n"
            + "  - id: A3\n    title: Review the reporting queries\n    owner: 王伟\n    due: 2025-03-25\n    type: process\n    priority: P2\n    status: open\n"));
    ValidationResult result = new Validator().validate(input, Optional.of(TestPaths.resource("rules/valid-baseline/hindsight.yaml")));
    assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
    Incident i = result.incidents().get(0);
    Analysis a = new Analyzer(result.config()).analyze(result.incidents(), AS_OF);
    Briefs b = new Briefs(new TemplateSet(Optional.empty()), result.config(), "test");
    try (PDDocument doc = Loader.loadPDF(b.incident(i, a))) {
      String text = squeezed(text(doc));
      assertThat(text).contains("ŽofiaDvořáková", "ДмитрийИванов", "Πρόληψη");
      Assumptions.assumeTrue(new PdfWriter(new TemplateSet(Optional.empty())).hasCjkFont(),
          "skipped: no CJK font here; install fonts-droid-fallback (.ci/run does)");
      assertThat(text).contains("王伟");
    }
  }

  @Test
  void thePeriodBriefCountsWhatTheAnalysisCounts() throws IOException {
    Period q3 = Period.parse("2025-Q3").orElseThrow();
    List<Incident> all = examples.incidents(false);
    long inQ3 = all.stream().filter(i -> q3.contains(i.started().atZoneSameInstant(examples.config().timeZone()).toLocalDate())).count();
    long inQ2 = all.stream().filter(i -> q3.previous().contains(i.started().atZoneSameInstant(examples.config().timeZone()).toLocalDate())).count();
    long overdue = analysis.actions().stream().filter(t -> t.state() == dev.hindsight.analyze.ActionState.OVERDUE).count();
    var quarter = analysis.quarterly().stream().filter(t -> t.period().equals("2025-Q3")).findFirst().orElseThrow();
    assertThat(quarter.incidents()).isEqualTo((int) inQ3);
    try (PDDocument doc = Loader.loadPDF(briefs.period(q3, all, analysis))) {
      assertThat(doc.getNumberOfPages()).isBetween(1, 2);
      String text = text(doc);
      assertThat(text).contains("2025-Q3: incidents and follow-up", "1 Jul 2025 – 30 Sep 2025");
      assertThat(text).containsPattern("Incidents " + inQ3 + " " + inQ2);
      assertThat(text).containsPattern("Actions overdue today " + overdue);
      assertThat(text).contains("Checkout errors for 38 minutes").contains("Overdue actions by owner".toUpperCase(Locale.ROOT));
    }
  }

  /** An executive reads two pages, whatever the size of the corpus: lists are cut to ten rows with a count of the rest. */
  @Test
  void aPeriodBriefOfALargeCorpusStaysShort(@TempDir Path dir) throws IOException {
    new dev.hindsight.bench.SyntheticCorpus(2000, 42).write(dir);
    ValidationResult big = new Validator().validate(dir.resolve("postmortems"), Optional.of(dir.resolve("hindsight.yaml")));
    List<Incident> all = big.incidents(false);
    Analysis bigAnalysis = new Analyzer(big.config()).analyze(all, AS_OF);
    Briefs bigBriefs = new Briefs(new TemplateSet(Optional.empty()), big.config(), "test");
    Period quarter = Period.parse("2025-Q3").orElseThrow();
    long severe = all.stream().filter(i -> quarter.contains(i.started().atZoneSameInstant(big.config().timeZone()).toLocalDate()))
        .filter(i -> big.config().severityRank(i.severity()) <= 1).count();
    assertThat(severe).as("the corpus has many notable incidents in the quarter").isGreaterThan(20);
    assertThat(bigAnalysis.reviewsDue()).hasSizeGreaterThan(20);
    try (PDDocument doc = Loader.loadPDF(bigBriefs.period(quarter, all, bigAnalysis))) {
      assertThat(doc.getNumberOfPages()).isBetween(1, 3);
      String text = text(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("And " + (severe - 10) + " more of these severities in this period").contains("more reviews due");
    }
  }

  @Test
  void periodsAreQuartersOrMonths() {
    Period q = Period.parse("2026-Q1").orElseThrow();
    assertThat(q.start()).isEqualTo(LocalDate.parse("2026-01-01"));
    assertThat(q.end()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(q.previous().name()).isEqualTo("2025-Q4");
    assertThat(Period.parse("2026-03").orElseThrow().previous().name()).isEqualTo("2026-02");
    assertThat(Period.parse("2026-13")).isEmpty();
    assertThat(Period.parse("Q3")).isEmpty();
    assertThat(Period.recent(LocalDate.parse("2026-11-25"))).extracting(Period::name)
        .containsExactly("2026-Q4", "2026-Q3", "2026-11", "2026-10", "2026-09");
  }

  private static Incident byId(String id) {
    return examples.incidents().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }
}
