package dev.hindsight.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.model.Incident;
import dev.hindsight.model.Slo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Worked example: SLO 99.9 % over 30 days. Budget = (1 - 0.999) x 30 d x 1440 min = 43.2 min.
 * Impact 10:00 to 11:30 = 90 min of bad time = 208.33 % of the budget.
 */
class BudgetBurnTest {
  private static final Slo SLO = new Slo("checkout", Optional.empty(), 99.9, 30);
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-03-04T10:00:00+01:00");

  private static Incident incident(String mitigated, String resolved, Double badFraction) {
    return Incidents.with("x", START, Optional.empty(), Optional.ofNullable(mitigated).map(OffsetDateTime::parse),
        Optional.ofNullable(resolved).map(OffsetDateTime::parse), "deadlock", List.of("orders-db"), List.of(),
        Incidents.slo("checkout", badFraction), List.of(), Optional.empty(), "SEV2");
  }

  @Test
  void theWholeImpactWindowCountsAsBadTimeByDefault() {
    BudgetBurn b = BudgetBurn.of(incident("2025-03-04T11:30:00+01:00", "2025-03-04T12:00:00+01:00", null), Optional.of(SLO)).orElseThrow();
    assertThat(b.budgetMinutes()).isCloseTo(43.2, within(1e-9));
    assertThat(b.badMinutes()).isEqualTo(90);
    assertThat(b.burnedMinutes()).isEqualTo(90);
    assertThat(b.percentOfBudget()).isCloseTo(208.333, within(0.001));
  }

  @Test
  void badFractionScalesTheBurn() {
    BudgetBurn b = BudgetBurn.of(incident("2025-03-04T11:30:00+01:00", null, 0.3), Optional.of(SLO)).orElseThrow();
    assertThat(b.burnedMinutes()).isCloseTo(27, within(1e-9));
    assertThat(b.percentOfBudget()).isCloseTo(62.5, within(1e-9));
  }

  @Test
  void withoutMitigationTheWindowRunsToResolution() {
    BudgetBurn b = BudgetBurn.of(incident(null, "2025-03-04T12:00:00+01:00", null), Optional.of(SLO)).orElseThrow();
    assertThat(b.badMinutes()).isEqualTo(120);
    assertThat(b.percentOfBudget()).isCloseTo(277.778, within(0.001));
  }

  @Test
  void nothingToReportWithoutAnEndOrAnSlo() {
    assertThat(BudgetBurn.of(incident(null, null, null), Optional.of(SLO))).isEmpty();
    assertThat(BudgetBurn.of(incident("2025-03-04T11:30:00+01:00", null, null), Optional.empty())).isEmpty();
  }
}
