package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site built from the shipped examples shows every field of an incident, as a reader sees it. */
class ExampleSiteTest {
  private static final String CHECKOUT = "2025-05-20-checkout-outage-reporting-query-deadlock";
  @TempDir static Path out;
  private static Document page;
  private static Document index;

  @BeforeAll
  static void build() throws IOException {
    Path root = TestPaths.repoRoot();
    CliRun run = CliRun.run("build", "--input", root.resolve("postmortems").toString(), "--output", out.resolve("site").toString(),
        "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    page = Jsoup.parse(out.resolve("site/incidents/" + CHECKOUT + "/index.html").toFile());
    index = Jsoup.parse(out.resolve("site/index.html").toFile());
  }

  @Test
  void headerShowsTitleSeverityStatusServicesAndResponseTimes() {
    assertThat(page.select("h1").text()).isEqualTo("Checkout down for two hours: new reporting query deadlocked orders-db");
    assertThat(page.select(".incident-header .sev").text()).isEqualTo("SEV1");
    assertThat(page.select(".incident-header .status").text()).isEqualTo("published");
    assertThat(page.select(".incident-header .chip").eachText()).containsExactly("orders-db", "checkout-api", "reporting");
    assertThat(facts(page.select(".facts").first())).containsExactly(
        "Started: 20 May 2025, 10:42 CEST", "Time to detect: 16 min", "Time to mitigate: 2 h 2 min",
        "Time to resolve: 2 h 48 min", "Duration: 2 h 48 min",
        "Error budget burned: 565 % 2 h 2 min of 21.6 min · checkout-availability, 30 days");
    assertThat(page.select(".facts time").first().attr("datetime")).isEqualTo("2025-05-20T10:42+02:00");
  }

  @Test
  void summaryAndImpactAreInBusinessTerms() {
    assertThat(page.select(".summary-box p").text()).startsWith("On 20 May 2025 checkout failed for almost every customer");
    assertThat(page.select(".summary-box code").text()).isEqualTo("orders.created_at");
    assertThat(facts(page.select(".impact .figures").first())).containsExactly(
        "Users affected: 38,400", "Regions: DE, AT, CH, NL, BE, FR", "Revenue lost (est.): €412,000",
        "SLO: checkout-availability (99.95 % over 30 days)");
    assertThat(page.select(".impact .blast").text()).contains("Browsing, search and the cart kept working");
  }

  @Test
  void timelineListsEveryEntryWithLocalTimeOffsetKindAndEvidence() {
    List<Element> entries = page.select("ol.timeline > li");
    assertThat(entries).hasSize(17);
    Element first = entries.get(0);
    assertThat(first.id()).isEqualTo("timeline-deploy");
    assertThat(first.select(".when time").text()).isEqualTo("09:15");
    assertThat(first.select(".offset").text()).isEqualTo("T−1 h 27 min");
    assertThat(first.select(".kind").text()).contains("cause");
    Element detection = page.select("#timeline-detected").first();
    assertThat(detection.select(".evidence a").attr("href")).isEqualTo("#metric-query_time");
    assertThat(detection.select(".evidence a").text()).isEqualTo("p99 execution time of checkout queries on orders-db");
  }

  @Test
  void metricsHaveAChartFiguresAndADataTable() {
    assertThat(page.select("figure.metric").eachAttr("id")).containsExactly("metric-query_time", "metric-checkout_error_rate", "metric-cpu", "metric-deadlocks");
    Element query = page.select("#metric-query_time").first();
    assertThat(query.select("svg.sparkline polyline").attr("points")).isNotBlank();
    assertThat(query.select("svg.sparkline line.threshold")).hasSize(1);
    assertThat(query.select("table.data tbody tr")).hasSizeGreaterThan(30);
    assertThat(facts(query.select(".figures").first())).contains("Threshold: 500 ms");
  }

  @Test
  void rootCauseAnalysisShowsCategoryCausesFactorsAndEvidence() {
    assertThat(page.select("#rca ~ p .chip").text()).isEqualTo("deadlock");
    assertThat(page.select("ol.findings > li")).hasSize(2);
    assertThat(page.select("ul.findings > li")).hasSize(4);
    assertThat(page.select("ol.findings > li").first().select(".evidence a").eachAttr("href"))
        .containsExactly("#metric-query_time", "#timeline-deploy", "#timeline-blocking-tree");
    assertThat(page.select("ul.evidence-list a").attr("href")).startsWith("https://grafana.acme.example/");
  }

  @Test
  void actionPlanShowsOwnersDueDatesTicketsAndOverdueItems() {
    List<Element> rows = page.select("table.actions tbody tr");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
    Element a1 = rows.get(0);
    assertThat(a1.select("td").eachText().subList(0, 7)).containsExactly("A1",
        "Add index orders_created_at_idx on orders (created_at), built concurrently", "dba", "21 May 2025", "mitigate", "P1", "done (20 May 2025)");
    assertThat(a1.select("td.ticket a").attr("href")).isEqualTo("https://jira.acme.example/browse/DBA-1412");
    Element a4 = rows.get(3);
    assertThat(a4.hasClass("overdue")).isTrue();
    assertThat(a4.select("td.state").text()).isEqualTo("overdue");
    assertThat(rows.get(0).hasClass("overdue")).isFalse();
    assertThat(page.select("#actions ~ p.note").text()).contains("Status as of 25 Nov 2026").contains("Follow-up review: 27 May 2025");
  }

  @Test
  void narrativePeopleTagsAndEditLinkAreThere() {
    assertThat(page.select(".narrative h2").eachText()).containsExactly("What happened", "Impact", "Root cause", "What went well",
        "What went wrong", "Where we got lucky", "Lessons learned");
    assertThat(facts(page.select("dl.people").first())).contains("Authors: maria.santos, sam.keller", "Facilitator: chris.morgan");
    assertThat(page.select("a:contains(Edit this file)").attr("href"))
        .isEqualTo("https://github.com/acme/postmortems/blob/main/postmortems/" + CHECKOUT + ".md");
  }

  @Test
  void relatedIncidentsLinkToEachOtherByTitle() throws IOException {
    Document recurrence = Jsoup.parse(out.resolve("site/incidents/2025-07-17-orders-db-refund-batch-deadlock/index.html").toFile());
    assertThat(recurrence.select("h2#related + ul a").eachAttr("href")).contains("../" + CHECKOUT + "/");
    assertThat(recurrence.select("h2#related + ul a").eachText()).contains(page.select("h1").text());
  }

  @Test
  void indexListsPublishedIncidentsNewestFirstWithoutDrafts() {
    List<String> dates = index.select("table.incidents tbody tr td:first-child time").eachAttr("datetime");
    assertThat(dates).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));
    assertThat(index.select("tr[data-status=draft]")).isEmpty();
    assertThat(index.text()).contains("1 draft not shown");
    Element row = index.select("a[href=incidents/" + CHECKOUT + "/]").first().closest("tr");
    assertThat(row.select("td").eachText()).startsWith("20 May 2025", "SEV1");
    assertThat(row.select(".chip").eachText()).containsExactly("orders-db", "checkout-api", "reporting");
    assertThat(row.select("td").last().text()).isEqualTo("2 h 48 min");
  }

  @Test
  void recurrencesAreCalledOutWithLinksToTheEarlierIncidents() throws IOException {
    Document third = Jsoup.parse(out.resolve("site/incidents/2025-10-01-orders-db-fulfilment-sync-deadlock/index.html").toFile());
    assertThat(third.select(".callout.recurrence").text()).startsWith("Recurrence: 2nd deadlock on orders-db in 90 days.");
    assertThat(third.select(".callout.recurrence a").eachAttr("href")).containsExactly("../2025-07-17-orders-db-refund-batch-deadlock/");
  }

  @Test
  void similarIncidentsAreListedWithTheirScore() {
    assertThat(page.select("h2#similar + ul.similar li")).isNotEmpty()
        .allSatisfy(li -> assertThat(li.text()).matches(".+ \\(\\d+ % similar\\)"));
    assertThat(page.select("ul.similar a").eachAttr("href")).contains("../2025-10-01-orders-db-fulfilment-sync-deadlock/");
  }

  @Test
  void actionStatesAreJudgedAsOfTheBuildDate() {
    List<Element> rows = page.select("table.actions tbody tr");
    assertThat(rows.get(2).select("td.state").text()).isEqualTo("done late (9 Oct 2025)");
    assertThat(rows.get(3).select("td.state").text()).isEqualTo("overdue");
    assertThat(page.select(".banner.review-due").text()).contains("follow-up review date has passed");
  }

  @Test
  void theAnalysisIsPublishedAsDocumentedJson() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    var incidents = json.readTree(out.resolve("site/data/incidents.json").toFile());
    assertThat(incidents.get("schema_version").asInt()).isEqualTo(1);
    assertThat(incidents.get("as_of").asText()).isEqualTo("2026-11-25");
    var checkout = java.util.stream.StreamSupport.stream(incidents.get("incidents").spliterator(), false)
        .filter(n -> n.get("id").asText().equals(CHECKOUT)).findFirst().orElseThrow();
    assertThat(checkout.get("time_to_detect_minutes").asDouble()).isEqualTo(16.0);
    assertThat(checkout.get("time_to_mitigate_minutes").asDouble()).isEqualTo(122.0);
    assertThat(checkout.at("/error_budget/budget_minutes").asDouble()).isEqualTo(21.6);
    assertThat(checkout.at("/error_budget/percent_of_budget").asDouble()).isEqualTo(564.81);
    assertThat(checkout.at("/actions/overdue").asInt()).isEqualTo(1);

    var trends = json.readTree(out.resolve("site/data/trends.json").toFile());
    assertThat(trends.get("monthly").get(0).get("period").asText()).isEqualTo("2025-05");
    assertThat(trends.get("recurrence_chains")).isNotEmpty();
    var actions = json.readTree(out.resolve("site/data/actions.json").toFile());
    assertThat(actions.get("actions").get(0).get("state").asText()).isEqualTo("overdue");
    assertThat(actions.get("by_team").has("dba")).isTrue();
  }

  @Test
  void everyServiceCategoryTagAndTeamHasAPageWithItsIncidentsAndOpenActions() throws IOException {
    Document service = Jsoup.parse(out.resolve("site/services/orders-replica/index.html").toFile());
    assertThat(service.select("h1").text()).isEqualTo("Service orders-replica");
    assertThat(service.select("table.incidents a.title").eachAttr("href"))
        .contains("../../incidents/2025-06-24-orders-replica-lag-stale-order-status/", "../../incidents/2025-08-29-orders-replica-lag-summer-sale/");
    assertThat(service.select("table.actions tbody tr")).isNotEmpty().allSatisfy(r -> assertThat(r.select("td.state").text()).doesNotStartWith("done"));
    Document team = Jsoup.parse(out.resolve("site/teams/dba/index.html").toFile());
    assertThat(team.select(".lede").text()).isEqualTo("Members: maria.santos, jonas.berg, priya.nair.");
    assertThat(out.resolve("site/categories/deadlock/index.html")).exists();
    assertThat(out.resolve("site/tags/postgres/index.html")).exists();
    Document browse = Jsoup.parse(out.resolve("site/browse/index.html").toFile());
    assertThat(browse.select("h2").eachText()).containsExactly("Services", "RCA categories", "Tags", "Teams");
  }

  @Test
  void theActionsDashboardPutsOverdueFirstAndCountsEveryState() throws IOException {
    Document actions = Jsoup.parse(out.resolve("site/actions/index.html").toFile());
    assertThat(facts(actions.select(".facts").first())).contains("overdue: 24", "done: 44");
    List<String> states = actions.select("#all ~ div table.actions td.state").eachText();
    assertThat(states.get(0)).startsWith("overdue");
    assertThat(states.subList(0, 24)).allMatch(st -> st.startsWith("overdue"));
    assertThat(actions.select("#reviews-due + ul li")).hasSize(13);
  }

  @Test
  void theTrendsPageHoldsEachChartsFiguresAsATable() throws IOException {
    Document trends = Jsoup.parse(out.resolve("site/trends/index.html").toFile());
    assertThat(trends.select("section.trend h2").eachText()).contains("Incidents per month, by severity", "Time to detect and to resolve (minutes)");
    var firstRow = trends.select("section.trend").first().select("tbody tr").first();
    assertThat(firstRow.select("th").text()).isEqualTo("2025-05");
    assertThat(trends.select("table.top-services tbody tr").first().select("td").first().text()).isEqualTo("orders-db");
  }

  @Test
  void folderIncidentsPublishTheirEvidenceFilesAndShowQueryPlansInline() throws IOException {
    assertThat(out.resolve("site/incidents/2025-11-18-catalog-db-index-bloat/files/plan.txt")).exists();
    Document bloat = Jsoup.parse(out.resolve("site/incidents/2025-11-18-catalog-db-index-bloat/index.html").toFile());
    assertThat(bloat.select("ul.evidence-list details.file-preview summary").text()).isEqualTo("plan.txt");
    assertThat(bloat.select("ul.evidence-list details.file-preview pre code.language-sql").text()).contains("Index Scan");
  }

  private static List<String> facts(Element dl) {
    return dl.select("div").stream().map(d -> d.select("dt").text() + ": " + d.select("dd").text()).toList();
  }
}
