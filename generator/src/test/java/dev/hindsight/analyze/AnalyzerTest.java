package dev.hindsight.analyze;

import static dev.hindsight.analyze.Incidents.action;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Team;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Action tracking and follow-up reviews across incidents, as of 2025-06-01. */
class AnalyzerTest {
  private static final LocalDate AS_OF = LocalDate.parse("2025-06-01");
  private static final SiteConfig CONFIG = withTeams(SiteConfig.defaults());

  private static SiteConfig withTeams(SiteConfig d) {
    return new SiteConfig(d.title(), d.baseUrl(), d.timeZone(), d.confidentiality(), d.severities(), d.rcaCategories(),
        List.of(new Team("dba", List.of("maria")), new Team("sre", List.of("nina"))), d.slos(), d.ticketUrl(), d.repositoryUrl(),
        d.analysis(), d.blamePhrases(), d.defaultVisibility());
  }

  private static Incident incident(String id, String started, String reviewOn, List<dev.hindsight.model.Action> actions) {
    OffsetDateTime s = OffsetDateTime.parse(started);
    return Incidents.with(id, s, Optional.of(s.plusMinutes(5)), Optional.of(s.plusMinutes(30)), Optional.of(s.plusMinutes(60)), "deadlock",
        List.of("orders-db"), List.of(), Impact.NONE, actions, Optional.ofNullable(reviewOn).map(LocalDate::parse), "SEV2");
  }

  private static final List<Incident> CORPUS = List.of(
      incident("one", "2025-04-01T10:00:00Z", "2025-04-15", List.of(
          action("A1", "maria", "2025-04-10", ActionStatus.OPEN, null),
          action("A2", "dba", "2025-05-20", ActionStatus.IN_PROGRESS, null),
          action("A3", "nina", "2025-04-05", ActionStatus.DONE, "2025-04-04"))),
      incident("two", "2025-05-01T10:00:00Z", "2025-05-15", List.of(
          action("A1", "nina", "2025-05-10", ActionStatus.DONE, "2025-05-12"))),
      incident("three", "2025-05-20T10:00:00Z", "2025-06-10", List.of(
          action("A1", "someone-else", "2025-06-30", ActionStatus.OPEN, null))));

  private final Analysis analysis = new Analyzer(CONFIG).analyze(CORPUS, AS_OF);

  @Test
  void listsOverdueActionsFirstMostOverdueOnTop() {
    assertThat(analysis.actions()).extracting(t -> t.incidentId() + "#" + t.action().id() + " " + t.state().label() + " " + t.daysOverdue())
        .containsExactly("one#A1 overdue 52", "one#A2 overdue 12", "three#A1 open 0", "two#A1 done-late 0", "one#A3 done 0");
  }

  @Test
  void groupsActionsByOwnerAndByTeam() {
    assertThat(analysis.byOwner().keySet()).containsExactly("dba", "maria", "nina", "someone-else");
    assertThat(analysis.byTeam().get("dba")).extracting(t -> t.incidentId() + "#" + t.action().id()).containsExactly("one#A1", "one#A2");
    assertThat(analysis.byTeam().get("sre")).extracting(t -> t.incidentId() + "#" + t.action().id()).containsExactly("two#A1", "one#A3");
    assertThat(analysis.byTeam().get(Analysis.NO_TEAM)).extracting(t -> t.incidentId()).containsExactly("three");
  }

  @Test
  void flagsFollowUpReviewsThatPassedWithActionsStillOpen() {
    assertThat(analysis.reviewsDue()).containsExactly("one");
    assertThat(analysis.of("one").reviewDue()).isTrue();
    assertThat(analysis.of("two").reviewDue()).as("all done").isFalse();
    assertThat(analysis.of("three").reviewDue()).as("review still ahead").isFalse();
  }

  @Test
  void computesResponseTimesPerIncident() {
    IncidentFigures one = analysis.of("one");
    assertThat(one.timeToDetect()).contains(java.time.Duration.ofMinutes(5));
    assertThat(one.timeToMitigate()).contains(java.time.Duration.ofMinutes(30));
    assertThat(one.timeToResolve()).contains(java.time.Duration.ofMinutes(60));
    assertThat(one.overdueActions()).isEqualTo(2);
  }
}
