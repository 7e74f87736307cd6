package dev.hindsight.analyze;

import dev.hindsight.model.Incident;
import dev.hindsight.model.Slo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How much of an SLO's error budget one incident consumed. The budget of a window is
 * {@code (1 - target) x window}; the incident burns its impact window (started to mitigated, or
 * to resolved) scaled by {@code bad_fraction} (1 when not given).
 *
 * @param budgetMinutes the budget of one SLO window, in minutes
 * @param badMinutes the impact window, in minutes
 * @param burnedMinutes {@code badMinutes x fraction}
 * @param percentOfBudget burned as a percentage of the window's budget; may exceed 100
 */
public record BudgetBurn(String slo, double target, int windowDays, double budgetMinutes, double badMinutes, double fraction,
    double burnedMinutes, double percentOfBudget) {

  /** The burn, when the incident names a known SLO and its impact window has an end. */
  public static Optional<BudgetBurn> of(Incident incident, Optional<Slo> slo) {
    if (slo.isEmpty()) return Optional.empty();
    Optional<OffsetDateTime> end = incident.mitigated().or(incident::resolved);
    if (end.isEmpty()) return Optional.empty();
    Slo s = slo.get();
    double budget = (1 - s.target() / 100.0) * s.windowDays() * 24 * 60;
    double bad = Duration.between(incident.started(), end.get()).getSeconds() / 60.0;
    double fraction = incident.impact().badFraction().orElse(1.0);
    double burned = bad * fraction;
    return Optional.of(new BudgetBurn(s.name(), s.target(), s.windowDays(), budget, bad, fraction, burned, burned / budget * 100));
  }
}
