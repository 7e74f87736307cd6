package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeds and exports of the example site, read back with real parsers. */
class FeedsTest {
  @TempDir static Path out;
  private static Path site;

  @BeforeAll
  static void build() {
    site = out.resolve("site");
    CliRun run = CliRun.run("build", "--no-briefs", "--input", TestPaths.repoRoot().resolve("postmortems").toString(), "--output", site.toString(),
        "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
  }

  @Test
  void theAtomFeedListsPublishedIncidentsWithAbsoluteLinks() throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new XmlReader(site.resolve("feed.xml").toFile()));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    List<String> links = feed.getEntries().stream().map(SyndEntry::getLink).toList();
    assertThat(links).hasSize(11).contains("https://postmortems.acme.example/incidents/2025-05-20-checkout-outage-reporting-query-deadlock/");
    assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getTitle()).matches("SEV[1-4]: .+"));
    assertThat(links).noneMatch(l -> l.contains("2026-11-19")).as("the draft is not in the feed");
  }

  @Test
  void theAtomFeedOfALargeCorpusHoldsTheHundredIncidentsUpdatedLast() throws Exception {
    Path corpus = out.resolve("large");
    new dev.hindsight.bench.SyntheticCorpus(160, 42).write(corpus);
    dev.hindsight.validate.ValidationResult result = new dev.hindsight.validate.Validator()
        .validate(corpus.resolve("postmortems"), java.util.Optional.of(corpus.resolve("hindsight.yaml")));
    List<dev.hindsight.model.Incident> incidents = result.incidents(false);
    Path file = out.resolve("large-feed.xml");
    new Feeds(result.config(), new MarkdownRenderer()).atom(incidents, file);

    SyndFeed feed = new SyndFeedInput().build(new XmlReader(file.toFile()));
    assertThat(feed.getEntries()).hasSize(Feeds.FEED_ENTRIES);
    java.util.Set<String> inFeed = new java.util.HashSet<>(feed.getEntries().stream().map(SyndEntry::getUri).toList());
    java.util.Date oldestIn = feed.getEntries().stream().map(SyndEntry::getUpdatedDate).min(java.util.Date::compareTo).orElseThrow();
    List<dev.hindsight.model.Incident> left = incidents.stream().filter(i -> i.status() == dev.hindsight.model.IncidentStatus.PUBLISHED)
        .filter(i -> !inFeed.contains("urn:hindsight:incident:" + i.id())).toList();
    assertThat(left).as("published incidents beyond the feed's size").isNotEmpty();
    assertThat(left).allSatisfy(i -> assertThat(java.util.Date.from(i.publishedOn().map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
        .orElse(i.resolved().orElse(i.started()).toInstant()))).isBeforeOrEqualTo(oldestIn));
  }

  @Test
  void calendarsCarryOpenActionsAndDueReviewsPerOwnerAndTeam() throws Exception {
    Calendar all = parse(site.resolve("calendar/all.ics"));
    List<VEvent> events = all.getComponents("VEVENT");
    assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
        .contains("2025-05-20-checkout-outage-reporting-query-deadlock-A4@hindsight", "2025-05-20-checkout-outage-reporting-query-deadlock-review@hindsight")
        .doesNotContain("2025-05-20-checkout-outage-reporting-query-deadlock-A1@hindsight");
    assertThat(events).allSatisfy(e -> assertThat(e.getProperty("DTSTAMP").orElseThrow().getValue()).isEqualTo("20261125T000000Z"));
    Calendar dba = parse(site.resolve("calendar/team-dba.ics"));
    assertThat(dba.getComponents("VEVENT")).isNotEmpty();
    assertThat(site.resolve("calendar/owner-maria-santos.ics")).exists();
  }

  /** The calendars are put together from each event's text: they must be what ical4j's own outputter writes. */
  @Test
  void everyCalendarIsWhatIcal4jWouldWrite() throws Exception {
    List<Path> files;
    try (java.util.stream.Stream<Path> list = Files.list(site.resolve("calendar"))) {
      files = list.filter(f -> f.toString().endsWith(".ics")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      java.io.StringWriter expected = new java.io.StringWriter();
      new net.fortuna.ical4j.data.CalendarOutputter(false).output(parse(file), expected);
      assertThat(Files.readString(file)).as(file.toString()).isEqualTo(expected.toString());
    }
  }

  @Test
  void theCsvHasOneRowPerActionOverdueFirst() throws Exception {
    try (Reader in = Files.newBufferedReader(site.resolve("data/actions.csv"), StandardCharsets.UTF_8)) {
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
      assertThat(rows).hasSize(75);
      assertThat(rows.get(0).get("state")).isEqualTo("overdue");
      assertThat(rows.get(0).get("ticket_url")).startsWith("https://jira.acme.example/browse/");
    }
  }

  @Test
  void theSiteShipsTheSchemaForEditors() {
    assertThat(site.resolve("schema/incident.schema.json")).hasSameTextualContentAs(TestPaths.repoRoot().resolve("schema/incident.schema.json"));
  }

  private static Calendar parse(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new CalendarBuilder().build(in);
    }
  }
}
