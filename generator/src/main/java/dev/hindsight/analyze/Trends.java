package dev.hindsight.analyze;

import dev.hindsight.model.Action;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Groups incidents and actions by month or quarter and computes each period's figures. */
final class Trends {
  private Trends() {}

  static String month(LocalDate d) {
    return YearMonth.from(d).toString();
  }

  static String quarter(LocalDate d) {
    return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
  }

  /** One figure set per period that has anything in it, in period order. */
  static List<PeriodTrend> by(Function<LocalDate, String> period, List<Incident> incidents, Map<String, IncidentFigures> figures,
      ZoneId zone, LocalDate asOf) {
    Map<String, Acc> periods = new TreeMap<>();
    for (Incident i : incidents) {
      Acc acc = periods.computeIfAbsent(period.apply(i.started().atZoneSameInstant(zone).toLocalDate()), Acc::new);
      IncidentFigures f = figures.get(i.id());
      acc.incidents++;
      acc.bySeverity.merge(i.severity(), 1, Integer::sum);
      i.rca().ifPresent(r -> acc.byCategory.merge(r.category(), 1, Integer::sum));
      i.services().forEach(s -> acc.byService.merge(s, 1, Integer::sum));
      f.timeToDetect().ifPresent(d -> acc.ttd.add(minutes(d)));
      f.timeToResolve().ifPresent(d -> acc.ttr.add(minutes(d)));
      f.budget().ifPresent(b -> {
        acc.budgetMinutes.merge(b.slo(), b.burnedMinutes(), Double::sum);
        acc.budgetPercent.merge(b.slo(), b.percentOfBudget(), Double::sum);
      });
      acc.opened += i.actions().size();
      for (Action a : i.actions()) {
        if (a.status() == ActionStatus.DONE && a.doneOn().isPresent()) {
          Acc closed = periods.computeIfAbsent(period.apply(a.doneOn().get()), Acc::new);
          closed.closed++;
          if (!a.doneOn().get().isAfter(a.due())) closed.closedOnTime++;
        }
        if (ActionState.of(a, asOf) == ActionState.OVERDUE) {
          periods.computeIfAbsent(period.apply(a.due()), Acc::new).overdue++;
        }
      }
    }
    return periods.values().stream().map(Acc::toTrend).toList();
  }

  private static double minutes(Duration d) {
    return d.getSeconds() / 60.0;
  }

  private static final class Acc {
    final String period;
    int incidents;
    final Map<String, Integer> bySeverity = new HashMap<>();
    final Map<String, Integer> byCategory = new HashMap<>();
    final Map<String, Integer> byService = new HashMap<>();
    final List<Double> ttd = new ArrayList<>();
    final List<Double> ttr = new ArrayList<>();
    final Map<String, Double> budgetMinutes = new HashMap<>();
    final Map<String, Double> budgetPercent = new HashMap<>();
    int opened;
    int closed;
    int closedOnTime;
    int overdue;

    Acc(String period) {
      this.period = period;
    }

    PeriodTrend toTrend() {
      ttd.sort(null);
      ttr.sort(null);
      return new PeriodTrend(period, incidents, bySeverity, byCategory, byService,
          Percentiles.median(ttd), Percentiles.of(ttd, 90), Percentiles.median(ttr), Percentiles.of(ttr, 90),
          budgetMinutes, budgetPercent, opened, closed, closedOnTime, overdue);
    }
  }

}
