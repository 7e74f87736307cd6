package dev.hindsight.cli;

import dev.hindsight.analyze.ActionState;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.analyze.PeriodTrend;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.model.Incident;
import dev.hindsight.render.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Prints the analysis as plain-text tables, for terminals and CI logs. */
final class AnalysisReport {
  private final PrintWriter out;

  AnalysisReport(PrintWriter out) {
    this.out = out;
  }

  void print(List<Incident> incidents, Analysis a) {
    long overdue = a.actions().stream().filter(t -> t.state() == ActionState.OVERDUE).count();
    out.printf("Analysis as of %s: %d incidents, %d recurrence chains, %d of %d actions overdue, %d follow-up reviews due%n%n",
        a.asOf(), incidents.size(), a.recurrenceChains().size(), overdue, a.actions().size(), a.reviewsDue().size());
    out.printf("%-52s %-5s %10s %10s %10s %9s  %-42s %s%n", "Incident", "Sev", "Detect", "Mitigate", "Resolve", "Budget", "Recurrence", "Overdue");
    for (Incident i : incidents) {
      IncidentFigures f = a.of(i.id());
      out.printf("%-52s %-5s %10s %10s %10s %9s  %-42s %d/%d%n", cut(i.id(), 52), i.severity(), time(f.timeToDetect()), time(f.timeToMitigate()),
          time(f.timeToResolve()), f.budget().map(b -> String.format(Locale.ROOT, "%.0f %%", b.percentOfBudget())).orElse("-"),
          cut(f.recurrence().map(Recurrence.Place::phrase).orElse("-"), 42), f.overdueActions(), f.actions().size());
    }
    out.println();
    out.printf("%-8s %9s %11s %11s %12s %12s  %s%n", "Quarter", "Incidents", "Detect p50", "p90", "Resolve p50", "p90", "Actions opened/closed/on time/overdue");
    for (PeriodTrend p : a.quarterly()) {
      out.printf("%-8s %9d %11s %11s %12s %12s  %d/%d/%d/%d%n", p.period(), p.incidents(), minutes(p.timeToDetectMedian()), minutes(p.timeToDetectP90()),
          minutes(p.timeToResolveMedian()), minutes(p.timeToResolveP90()), p.actionsOpened(), p.actionsClosed(), p.actionsClosedOnTime(),
          p.actionsOverdue());
    }
    if (!a.recurrenceChains().isEmpty()) {
      out.println();
      out.println("Recurrence chains:");
      for (Recurrence.Chain c : a.recurrenceChains()) {
        out.printf("  %s on %s: %s%n", c.key(), c.service(), String.join(" -> ", c.incidents()));
      }
    }
    out.flush();
  }

  private static String time(Optional<Duration> d) {
    return d.map(Durations::human).orElse("-");
  }

  private static String minutes(OptionalDouble m) {
    return m.isPresent() ? Durations.human(Duration.ofSeconds(Math.round(m.getAsDouble() * 60))) : "-";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
