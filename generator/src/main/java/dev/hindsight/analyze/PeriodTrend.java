package dev.hindsight.analyze;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures of one month ("2025-05") or quarter ("2025-Q2"). Response times are in minutes;
 * error budget is per SLO, in minutes and as a percentage of one window's budget. Actions are
 * counted where they happen: opened with their incident, closed in the month of {@code done_on},
 * overdue in the month they fell due.
 */
public record PeriodTrend(
    String period,
    int incidents,
    Map<String, Integer> bySeverity,
    Map<String, Integer> byCategory,
    Map<String, Integer> byService,
    OptionalDouble timeToDetectMedian,
    OptionalDouble timeToDetectP90,
    OptionalDouble timeToResolveMedian,
    OptionalDouble timeToResolveP90,
    Map<String, Double> budgetBurnedMinutes,
    Map<String, Double> budgetBurnedPercent,
    int actionsOpened,
    int actionsClosed,
    int actionsClosedOnTime,
    int actionsOverdue) {
  public PeriodTrend {
    bySeverity = Map.copyOf(bySeverity);
    byCategory = Map.copyOf(byCategory);
    byService = Map.copyOf(byService);
    budgetBurnedMinutes = Map.copyOf(budgetBurnedMinutes);
    budgetBurnedPercent = Map.copyOf(budgetBurnedPercent);
  }
}
