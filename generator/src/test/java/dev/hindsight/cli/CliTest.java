package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, output formats and the scaffold. */
class CliTest {
  private static final Path BASELINE = TestPaths.resource("rules/valid-baseline");
  private static final Path BROKEN = TestPaths.resource("rules/HS101-action-without-owner");
  private static final Path WARNING_ONLY = TestPaths.resource("rules/HS214-owner-not-in-teams");

  private static String input(Path fixture) {
    return fixture.resolve("postmortems").toString();
  }

  @Test
  void validateExitsZeroOnACleanCorpus() {
    CliRun run = CliRun.run("validate", "--input", input(BASELINE));
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("1 file checked: 0 errors, 0 warnings");
  }

  @Test
  void validateExitsOneOnErrorsAndPrintsLocationSourceLineAndCaret() {
    CliRun run = CliRun.run("validate", "--input", input(BROKEN));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("2025-03-04-orders-slow.md:37:5: error HS101: missing required field `owner` in `actions[0]`")
        .contains(" 37 |   - id: A1")
        .contains("    |     ^")
        .contains("= hint: `owner`: A person or team");
  }

  @Test
  void unknownValuesGetADidYouMeanHint() {
    assertThat(CliRun.run("validate", "--input", input(TestPaths.resource("rules/HS103-unknown-timeline-kind"))).out())
        .contains("`timeline[1].kind` is `detect`").contains("= hint: did you mean `detection`?");
    assertThat(CliRun.run("validate", "--input", input(TestPaths.resource("rules/HS212-unknown-rca-category"))).out())
        .contains("= hint: did you mean `missing-index`?");
    assertThat(CliRun.run("validate", "--input", input(TestPaths.resource("rules/HS102-unknown-field"))).out())
        .contains("unknown field `sevrity`").contains("= hint: did you mean `severity`?");
    assertThat(CliRun.run("validate", "--input", input(TestPaths.resource("rules/HS302-unknown-related-incident"))).out())
        .contains("= hint: did you mean `2025-03-04-orders-slow`?");
  }

  @Test
  void warningsPassUnlessStrict() {
    assertThat(CliRun.run("validate", "--input", input(WARNING_ONLY)).exitCode()).isEqualTo(0);
    assertThat(CliRun.run("validate", "--strict", "--input", input(WARNING_ONLY)).exitCode()).isEqualTo(1);
  }

  @Test
  void jsonFormatIsMachineReadable() throws IOException {
    CliRun run = CliRun.run("validate", "--format", "json", "--input", input(BROKEN));
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("errors").asInt()).isEqualTo(1);
    JsonNode first = report.get("diagnostics").get(0);
    assertThat(first.get("code").asText()).isEqualTo("HS101");
    assertThat(first.get("line").asInt()).isEqualTo(37);
    assertThat(first.get("column").asInt()).isEqualTo(5);
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("hint").asText()).contains("owner");
  }

  @Test
  void githubFormatWritesWorkflowAnnotations() {
    CliRun run = CliRun.run("validate", "--format", "github", "--input", input(BROKEN));
    assertThat(run.out()).containsPattern("(?m)^::error file=[^,]*2025-03-04-orders-slow\\.md,line=37,col=5,title=HS101 missing required field::missing required field `owner` in `actions\\[0\\]`%0Ahint: ");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.run("validate", "--no-such-option").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("validate", "--format", "xml", "--input", input(BASELINE)).exitCode()).isEqualTo(2);
    CliRun missing = CliRun.run("validate", "--input", "/no/such/folder");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("/no/such/folder does not exist");
    assertThat(CliRun.run("frobnicate").exitCode()).isEqualTo(2);
  }

  /** Only the subcommand a command line names is given to picocli; the rest must read as if all were. */
  @Test
  void theTopCommandStillKnowsEverySubcommand() {
    for (String[] args : new String[][] {{"--help"}, {}, {"help"}}) {
      CliRun top = CliRun.run(args);
      assertThat(top.exitCode()).as("%s", java.util.List.of(args)).isEqualTo(0);
      for (String command : new String[] {"validate", "build", "serve", "analyze", "brief", "agenda", "new", "bench-corpus", "help"}) {
        assertThat(top.out()).as("%s lists %s", java.util.List.of(args), command).contains("  " + command + " ");
      }
    }
    CliRun helpOn = CliRun.run("help", "validate");
    assertThat(helpOn.exitCode()).isEqualTo(0);
    assertThat(helpOn.out()).contains("Usage: hindsight validate");
    CliRun typo = CliRun.run("valdate");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("Did you mean: hindsight validate");
  }

  @Test
  void helpAndVersionWorkOnEveryCommand() {
    for (String command : new String[] {"validate", "build", "serve", "analyze", "brief", "agenda", "new"}) {
      CliRun help = CliRun.run(command, "--help");
      assertThat(help.exitCode()).as(command).isEqualTo(0);
      assertThat(help.out()).as(command).contains("Usage: hindsight " + command);
      assertThat(CliRun.run(command, "--version").out()).as(command).startsWith("hindsight ");
    }
    assertThat(CliRun.run("--version").exitCode()).isEqualTo(0);
  }

  @Test
  void newWritesADraftThatValidatesCleanly(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    CliRun run = CliRun.run("new", "Checkout down: reporting query deadlocked orders-db", "--input", input.toString(),
        "--severity", "SEV1", "--service", "orders-db", "--service", "checkout-api", "--started", "2025-03-04T09:12:00+01:00");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    Path file = input.resolve("2025-03-04-checkout-down-reporting-query-deadlocked-orders-db.md");
    assertThat(file).exists();
    String text = Files.readString(file);
    assertThat(text).contains("title: \"Checkout down: reporting query deadlocked orders-db\"", "severity: SEV1",
        "services: [orders-db, checkout-api]", "## What went well", "## Where we got lucky", "## Lessons learned", "what the system allowed");

    CliRun validate = CliRun.run("validate", "--input", input.toString());
    assertThat(validate.exitCode()).as(validate.out()).isEqualTo(0);
    assertThat(validate.out()).contains("0 errors, 1 warning").contains("warning HS602: root cause 1 cites no evidence");
  }

  @Test
  void buildsAreReproducibleWithSourceDateEpoch(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("site");
    // 1764000000 = 2025-11-24T16:00:00Z
    CliRun run = CliRun.run(java.util.Map.of("SOURCE_DATE_EPOCH", "1764000000"), "build", "--input", input(BASELINE), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(Files.readString(out.resolve("data/incidents.json"))).contains("\"as_of\" : \"2025-11-24\"");
    assertThat(Files.readString(out.resolve("incidents/2025-03-04-orders-slow/index.html"))).contains("Status as of 24 Nov 2025");
  }

  @Test
  void analyzePrintsTheFiguresOfTheShippedExamples() {
    Path root = TestPaths.repoRoot();
    CliRun run = CliRun.run("analyze", "--input", root.resolve("postmortems").toString(), "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).startsWith("Analysis as of 2026-11-25: 13 incidents,")
        .containsPattern("2025-05-20-checkout-outage-reporting-query-deadlock +SEV1 +16 min +2 h 2 min +2 h 48 min +565 %")
        .contains("2nd deadlock on orders-db in 90 days")
        .contains("deadlock on orders-db: 2025-05-20-checkout-outage-reporting-query-deadlock -> 2025-07-17-orders-db-refund-batch-deadlock");
    assertThat(CliRun.run("analyze", "--input", input(BROKEN)).exitCode()).isEqualTo(1);
  }

  @Test
  void briefWritesTheRequestedPdfs(@TempDir Path dir) throws IOException {
    Path root = TestPaths.repoRoot();
    CliRun run = CliRun.run("brief", "--input", root.resolve("postmortems").toString(), "--as-of", "2026-11-25", "--output", dir.toString(),
        "--period", "2026-Q3", "2025-05-20-checkout-outage-reporting-query-deadlock");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(dir.resolve("2025-05-20-checkout-outage-reporting-query-deadlock.pdf")).isNotEmptyFile();
    assertThat(dir.resolve("period-2026-Q3.pdf")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("period-2026-Q3.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
    assertThat(CliRun.run("brief", "--input", root.resolve("postmortems").toString(), "no-such-incident").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("brief", "--input", root.resolve("postmortems").toString(), "--period", "2026-Q9").exitCode()).isEqualTo(2);
  }

  @Test
  void agendaWritesTheMeetingPackWithOpenQuestionsAndBlamelessPrompts(@TempDir Path dir) throws IOException {
    Path root = TestPaths.repoRoot();
    CliRun run = CliRun.run("agenda", "--input", root.resolve("postmortems").toString(), "--as-of", "2026-11-25", "--output", dir.toString(),
        "2026-11-19-catalog-db-alter-table-lock-queue");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(dir.resolve("agenda-2026-11-19-catalog-db-alter-table-lock-queue.html").toFile());
    assertThat(html.select("h2").eachText()).startsWith("1. Opening (5 min)", "2. Walk the timeline (15 min)", "3. Look at the data together (10 min)");
    assertThat(html.text()).contains("This review is blameless").contains("There is no root cause analysis yet")
        .contains("No follow-up review date yet").contains("what made that the reasonable choice");
    assertThat(html.select("table").first().select("tbody tr")).hasSizeGreaterThan(5);
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("agenda-2026-11-19-catalog-db-alter-table-lock-queue.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isBetween(1, 3);
    }
  }

  @Test
  void aNewFileValidatesAsPublishedOnceItsPlaceholdersAreFilled(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    assertThat(CliRun.run("new", "Replica lag on orders-replica", "--input", input.toString(), "--severity", "SEV2",
        "--service", "orders-replica", "--started", "2026-11-20T09:00:00+01:00").exitCode()).isEqualTo(0);
    Path file = input.resolve("2026-11-20-replica-lag-on-orders-replica.md");
    String filled = Files.readString(file)
        .replace("status: draft", "status: published")
        .replace("# detected: 2026-11-20T09:00:00+01:00", "detected: 2026-11-20T09:10:00+01:00")
        .replace("# mitigated: 2026-11-20T09:00:00+01:00", "mitigated: 2026-11-20T09:40:00+01:00")
        .replace("# resolved: 2026-11-20T09:00:00+01:00", "resolved: 2026-11-20T10:00:00+01:00")
        .replace("  category: other", "  category: replication-lag")
        .replace("      evidence: []", "      evidence: [https://grafana.example/d/replica-lag]")
        .replace("actions: []", "actions:\n  - id: A1\n    title: Alert on replica lag above 5 s\n    owner: dba\n    due: 2026-12-01\n"
            + "    type: detect\n    priority: P1\n    status: open")
        .replace("# follow_up:\n#   review_on: 2026-12-04", "follow_up:\n  review_on: 2026-12-04\npublished_on: 2026-11-21");
    Files.writeString(file, filled);
    CliRun validate = CliRun.run("validate", "--input", input.toString());
    assertThat(validate.exitCode()).as(validate.out()).isEqualTo(0);
    assertThat(validate.out()).as(validate.out()).contains("1 file checked: 0 errors, 0 warnings");
  }

  @Test
  void newNeverOverwritesAnExistingIncident(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    String[] args = {"new", "Disk full on reporting", "--input", input.toString(), "--started", "2025-05-01T10:00:00Z"};
    assertThat(CliRun.run(args).exitCode()).isEqualTo(0);
    Path file = input.resolve("2025-05-01-disk-full-on-reporting.md");
    Files.writeString(file, "edited by the author");
    CliRun again = CliRun.run(args);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");
    assertThat(Files.readString(file)).isEqualTo("edited by the author");
  }

  @Test
  void newRejectsAnUnknownSeverity(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    CliRun run = CliRun.run("new", "Something broke", "--input", input.toString(), "--severity", "SEV9");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("SEV1, SEV2, SEV3, SEV4");
  }
}
