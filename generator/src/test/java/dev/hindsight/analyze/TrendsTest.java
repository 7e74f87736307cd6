package dev.hindsight.analyze;

import static dev.hindsight.analyze.Incidents.action;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Slo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Worked example in Europe/Berlin, as of 2025-03-15. January: one incident detected after 10 min.
 * February: three incidents detected after 10, 20 and 60 min (median 20, p90 = 20 + 0.8 x 40 =
 * 52), one of them starting at 23:30 UTC on 31 January, which is already February in Berlin.
 */
class TrendsTest {
  private static final SiteConfig CONFIG = withSlo(SiteConfig.defaults());
  private static final LocalDate AS_OF = LocalDate.parse("2025-03-15");

  private static SiteConfig withSlo(SiteConfig d) {
    return new SiteConfig(d.title(), d.baseUrl(), ZoneId.of("Europe/Berlin"), d.confidentiality(), d.severities(), d.rcaCategories(),
        d.teams(), List.of(new Slo("checkout", Optional.empty(), 99.9, 30)), d.ticketUrl(), d.repositoryUrl(), d.analysis(), d.blamePhrases(), d.defaultVisibility());
  }

  private static Incident incident(String id, String started, int detectMinutes, String severity, Impact impact, List<dev.hindsight.model.Action> actions) {
    OffsetDateTime s = OffsetDateTime.parse(started);
    return Incidents.with(id, s, Optional.of(s.plusMinutes(detectMinutes)), Optional.of(s.plusMinutes(90)), Optional.of(s.plusMinutes(120)),
        "deadlock", List.of("orders-db"), List.of(), impact, actions, Optional.empty(), severity);
  }

  private static final List<Incident> CORPUS = List.of(
      incident("jan", "2025-01-10T09:00:00+01:00", 10, "SEV1", Impact.NONE, List.of(
          action("A1", "dba", "2025-01-20", ActionStatus.DONE, "2025-01-18"),
          action("A2", "dba", "2025-01-25", ActionStatus.DONE, "2025-02-03"))),
      incident("feb-edge", "2025-01-31T23:30:00Z", 10, "SEV2", Incidents.slo("checkout", null), List.of(
          action("A1", "sre", "2025-02-20", ActionStatus.OPEN, null))),
      incident("feb-2", "2025-02-10T09:00:00+01:00", 20, "SEV2", Incidents.slo("checkout", 0.5), List.of()),
      incident("feb-3", "2025-02-20T09:00:00+01:00", 60, "SEV3", Impact.NONE, List.of(
          action("A1", "sre", "2025-04-01", ActionStatus.IN_PROGRESS, null))));

  private static List<PeriodTrend> monthly() {
    return new Analyzer(CONFIG).analyze(CORPUS, AS_OF).monthly();
  }

  @Test
  void groupsIncidentsByMonthInTheSiteTimeZone() {
    assertThat(monthly()).extracting(PeriodTrend::period).containsExactly("2025-01", "2025-02");
    PeriodTrend feb = monthly().get(1);
    assertThat(feb.incidents()).isEqualTo(3);
    assertThat(feb.bySeverity()).containsEntry("SEV2", 2).containsEntry("SEV3", 1);
    assertThat(feb.byCategory()).containsEntry("deadlock", 3);
    assertThat(feb.byService()).containsEntry("orders-db", 3);
  }

  @Test
  void computesMedianAndP90OfResponseTimes() {
    PeriodTrend feb = monthly().get(1);
    assertThat(feb.timeToDetectMedian().getAsDouble()).isEqualTo(20.0);
    assertThat(feb.timeToDetectP90().getAsDouble()).isEqualTo(52.0);
    assertThat(feb.timeToResolveMedian().getAsDouble()).isEqualTo(120.0);
    assertThat(monthly().get(0).timeToDetectP90().getAsDouble()).isEqualTo(10.0);
  }

  @Test
  void sumsErrorBudgetPerSlo() {
    // budget 43.2 min; feb-edge burns 90 min (208.33 %), feb-2 burns 45 min (104.17 %)
    PeriodTrend feb = monthly().get(1);
    assertThat(feb.budgetBurnedMinutes()).containsEntry("checkout", 135.0);
    assertThat(feb.budgetBurnedPercent().get("checkout")).isBetween(312.49, 312.51);
  }

  @Test
  void countsActionsWhereTheyHappen() {
    PeriodTrend jan = monthly().get(0);
    PeriodTrend feb = monthly().get(1);
    assertThat(jan.actionsOpened()).isEqualTo(2);
    assertThat(jan.actionsClosed()).isEqualTo(1);
    assertThat(jan.actionsClosedOnTime()).isEqualTo(1);
    assertThat(feb.actionsOpened()).isEqualTo(2);
    assertThat(feb.actionsClosed()).as("A2 of January, done on 3 February, late").isEqualTo(1);
    assertThat(feb.actionsClosedOnTime()).isEqualTo(0);
    assertThat(feb.actionsOverdue()).as("feb-edge A1, due 20 February, open on 15 March").isEqualTo(1);
  }

  @Test
  void quartersAddUpTheirMonths() {
    List<PeriodTrend> quarters = new Analyzer(CONFIG).analyze(CORPUS, AS_OF).quarterly();
    assertThat(quarters).extracting(PeriodTrend::period).as("feb-3's A1 is due in April but not overdue yet").containsExactly("2025-Q1");
    assertThat(quarters.get(0).incidents()).isEqualTo(4);
    // detection times 10, 10, 20, 60: median (10 + 20) / 2 = 15
    assertThat(quarters.get(0).timeToDetectMedian().getAsDouble()).isEqualTo(15.0);
    assertThat(quarters.get(0).actionsOpened()).isEqualTo(4);
    assertThat(quarters.get(0).actionsOverdue()).isEqualTo(1);
  }
}
