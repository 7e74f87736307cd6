package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.model.Action;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentStatus;
import dev.hindsight.model.Rca;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The examples in postmortems/ are clean, and cover what a new team needs to see. */
class ShippedExamplesTest {
  private static ValidationResult result;

  @BeforeAll
  static void validateTheExamples() {
    Path root = TestPaths.repoRoot();
    result = new Validator().validate(root.resolve("postmortems"), Optional.of(root.resolve("hindsight.yaml")));
  }

  private static List<Incident> incidents() {
    return result.incidents();
  }

  @Test
  void validateWithoutAnyErrorOrWarning() {
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.files()).isGreaterThanOrEqualTo(10);
    assertThat(incidents()).hasSize(result.files());
  }

  @Test
  void spreadOverAboutEighteenMonths() {
    var first = incidents().stream().map(Incident::started).min(Comparator.naturalOrder()).orElseThrow();
    var last = incidents().stream().map(Incident::started).max(Comparator.naturalOrder()).orElseThrow();
    assertThat(ChronoUnit.DAYS.between(first, last)).isBetween(450L, 650L);
  }

  @Test
  void comeInEveryForm() {
    assertThat(incidents()).extracting(Incident::sourcePath).anyMatch(p -> p.endsWith("/index.md")).anyMatch(p -> p.endsWith(".yaml"));
    assertThat(incidents()).extracting(Incident::status).contains(IncidentStatus.DRAFT, IncidentStatus.REVIEW, IncidentStatus.PUBLISHED);
    Incident folder = incidents().stream().filter(i -> i.sourcePath().endsWith("/index.md")).findFirst().orElseThrow();
    assertThat(folder.metrics()).extracting(m -> m.file().orElse("")).allMatch(f -> f.endsWith(".csv"));
    assertThat(folder.rca().orElseThrow().rootCauses()).flatExtracting(f -> f.evidence()).anyMatch(e -> e.endsWith(".txt"));
  }

  @Test
  void coverTheDatabaseFailureModesAndOneOtherKind() {
    List<String> categories = incidents().stream().flatMap(i -> i.rca().stream()).map(Rca::category).toList();
    assertThat(categories).contains("deadlock", "replication-lag", "failover", "query-performance", "capacity", "data-consistency", "config-change");
    assertThat(incidents()).extracting(Incident::id)
        .anyMatch(id -> id.contains("connection-pool-exhaustion"))
        .anyMatch(id -> id.contains("index-bloat"))
        .anyMatch(id -> id.contains("replica-lag-stale"))
        .anyMatch(id -> id.contains("failover"));
  }

  @Test
  void includeRecurrencesOfTheSameCauseOnTheSameService() {
    long recurrences = incidents().stream().filter(a -> incidents().stream().anyMatch(b -> b != a
        && b.started().isBefore(a.started())
        && Duration.between(b.started(), a.started()).toDays() <= 90
        && a.rca().isPresent() && b.rca().isPresent() && a.rca().get().category().equals(b.rca().get().category())
        && a.services().stream().anyMatch(b.services()::contains))).count();
    assertThat(recurrences).isGreaterThanOrEqualTo(3);
  }

  @Test
  void showARecurrenceChainAndOverdueActionsAsOfAFixedDate() {
    var analysis = new dev.hindsight.analyze.Analyzer(result.config()).analyze(incidents(), java.time.LocalDate.parse("2026-11-25"));
    assertThat(analysis.recurrenceChains()).extracting(c -> c.key() + " on " + c.service() + ": " + c.incidents().size())
        .contains("deadlock on orders-db: 3", "replication-lag on orders-replica: 2");
    assertThat(analysis.actions()).filteredOn(t -> t.state() == dev.hindsight.analyze.ActionState.OVERDUE).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void includeTheCheckoutOutageScenario() {
    Incident checkout = incidents().stream().filter(i -> i.title().startsWith("Checkout down for two hours")).findFirst().orElseThrow();
    assertThat(checkout.severity()).isEqualTo("SEV1");
    assertThat(checkout.rca().orElseThrow().category()).isEqualTo("deadlock");
    assertThat(Duration.between(checkout.started(), checkout.mitigated().orElseThrow()).toMinutes()).isBetween(110L, 130L);
    assertThat(checkout.actions()).extracting(Action::title).anyMatch(t -> t.contains("index"))
        .anyMatch(t -> t.startsWith("Review every query deployed"))
        .anyMatch(t -> t.contains("query-level monitoring with threshold alerts"))
        .anyMatch(t -> t.contains("performance testing"))
        .anyMatch(t -> t.startsWith("Optimize the reconciliation query"));
    assertThat(checkout.reviewOn()).contains(checkout.started().toLocalDate().plusWeeks(1));
  }
}
