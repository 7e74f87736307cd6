package dev.hindsight.pdf;

import static dev.hindsight.render.DateFormats.DATE;

import dev.hindsight.analyze.ActionState;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.analyze.Percentiles;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.render.Durations;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prepares the view of a period brief: what the period held, against the one before. */
final class PeriodBriefs {
  /** Rows per list in a period brief; the rest are counted. */
  static final int LIST_LIMIT = 10;
  private final SiteConfig config;
  private final String version;

  PeriodBriefs(SiteConfig config, String version) {
    this.config = config;
    this.version = version;
  }

  BriefViews.PeriodBrief brief(Period period, List<Incident> all, Analysis analysis) {
    Period before = period.previous();
    List<Incident> now = in(period, all);
    List<Incident> prev = in(before, all);
    List<BriefViews.Line> counts = new ArrayList<>();
    counts.add(new BriefViews.Line("Incidents", String.valueOf(now.size()), String.valueOf(prev.size())));
    counts.add(new BriefViews.Line("Median time to detect", median(now, analysis, true), median(prev, analysis, true)));
    counts.add(new BriefViews.Line("Median time to resolve", median(now, analysis, false), median(prev, analysis, false)));
    long overdueNow = analysis.actions().stream().filter(t -> t.state() == ActionState.OVERDUE).count();
    counts.add(new BriefViews.Line("Actions overdue today", String.valueOf(overdueNow), ""));
    List<BriefViews.Line> severities = config.severityNames().stream()
        .map(s -> new BriefViews.Line(s, String.valueOf(now.stream().filter(i -> i.severity().equals(s)).count()),
            String.valueOf(prev.stream().filter(i -> i.severity().equals(s)).count()))).toList();

    Map<String, double[]> budgets = new TreeMap<>();
    for (Incident i : now) {
      analysis.of(i.id()).budget().ifPresent(b -> {
        double[] acc = budgets.computeIfAbsent(b.slo(), k -> new double[2]);
        acc[0] += b.burnedMinutes();
        acc[1] += b.percentOfBudget();
      });
    }
    List<BriefViews.Fact> budgetFacts = new ArrayList<>();
    budgets.forEach((slo, v) -> budgetFacts.add(new BriefViews.Fact(slo,
        String.format(Locale.ENGLISH, "%,.0f %% of a %s window (%s)", v[1], windowOf(slo), Durations.human(Duration.ofSeconds(Math.round(v[0] * 60)))))));

    Map<String, Integer> causes = new TreeMap<>();
    now.forEach(i -> i.rca().ifPresent(r -> causes.merge(r.category(), 1, Integer::sum)));
    List<BriefViews.Fact> topCauses = causes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
        .map(e -> new BriefViews.Fact(e.getKey(), e.getValue() + " incident" + (e.getValue() == 1 ? "" : "s")
            + recurrenceNote(e.getKey(), now, analysis))).toList();

    // A brief stays short at any scale: the most severe and longest incidents, the owners with the
    // most overdue actions and the oldest reviews, each with a count of the rest.
    List<Incident> severe = now.stream().filter(i -> config.severityRank(i.severity()) <= 1).toList();
    List<BriefViews.NotableIncident> notable = severe.stream()
        .sorted(Comparator.comparingInt((Incident i) -> config.severityRank(i.severity()))
            .thenComparing(i -> i.duration().orElse(java.time.Duration.ZERO), Comparator.reverseOrder()).thenComparing(Incident::id))
        .limit(LIST_LIMIT).sorted(Comparator.comparing(Incident::started).thenComparing(Incident::id))
        .map(i -> notable(i, analysis)).toList();

    Map<String, List<TrackedAction>> overdue = new TreeMap<>();
    analysis.actions().stream().filter(t -> t.state() == ActionState.OVERDUE)
        .forEach(t -> overdue.computeIfAbsent(t.action().owner(), k -> new ArrayList<>()).add(t));
    List<BriefViews.OwnerActions> owners = overdue.entrySet().stream()
        .map(e -> new BriefViews.OwnerActions(e.getKey(), e.getValue().size(),
            DATE.format(e.getValue().stream().map(t -> t.action().due()).min(Comparator.naturalOrder()).orElseThrow())))
        .sorted(Comparator.comparingInt(BriefViews.OwnerActions::overdue).reversed().thenComparing(BriefViews.OwnerActions::owner)).toList();
    java.util.Set<String> due = new java.util.HashSet<>(analysis.reviewsDue());
    List<Incident> reviewed = all.stream().filter(i -> due.contains(i.id())).toList();
    List<BriefViews.NotableIncident> reviews = reviewed.stream()
        .sorted(Comparator.comparing((Incident i) -> i.reviewOn().orElseThrow()).thenComparing(Incident::id)).limit(LIST_LIMIT)
        .map(i -> notable(i, analysis)).toList();

    return new BriefViews.PeriodBrief(config.title(), config.confidentiality(), period.name(), before.name(),
        DATE.format(period.start()) + " – " + DATE.format(period.end().minusDays(1)), counts, severities,
        trendChart(period, all, analysis), budgetFacts, topCauses, notable, owners.subList(0, Math.min(LIST_LIMIT, owners.size())), reviews,
        DATE.format(analysis.asOf()), "Hindsight " + version,
        severe.size() - notable.size(), Math.max(0, owners.size() - LIST_LIMIT), reviewed.size() - reviews.size());
  }

  private List<Incident> in(Period p, List<Incident> all) {
    return all.stream().filter(i -> p.contains(i.started().atZoneSameInstant(config.timeZone()).toLocalDate())).toList();
  }

  private BriefViews.NotableIncident notable(Incident i, Analysis analysis) {
    IncidentFigures f = analysis.of(i.id());
    return new BriefViews.NotableIncident(DATE.format(i.started().atZoneSameInstant(config.timeZone())), i.severity(), i.title(),
        f.duration().map(Durations::human).orElse("–"), config.baseUrl().map(u -> u + "incidents/" + i.id() + "/").orElse(""));
  }

  private String recurrenceNote(String category, List<Incident> now, Analysis analysis) {
    long repeats = now.stream().filter(i -> analysis.of(i.id()).recurrence().filter(r -> r.key().equals(category)).isPresent()).count();
    return repeats == 0 ? "" : ", " + repeats + " a repeat within " + config.analysis().recurrenceWindowDays() + " days";
  }

  private String windowOf(String slo) {
    return config.slo(slo).map(s -> s.windowDays() + "-day").orElse("");
  }

  private static String median(List<Incident> list, Analysis analysis, boolean detect) {
    List<Double> minutes = list.stream().map(i -> analysis.of(i.id()))
        .map(f -> detect ? f.timeToDetect() : f.timeToResolve()).flatMap(java.util.Optional::stream)
        .map(d -> d.getSeconds() / 60.0).sorted().toList();
    var m = Percentiles.median(minutes);
    return m.isPresent() ? Durations.human(Duration.ofSeconds(Math.round(m.getAsDouble() * 60))) : "–";
  }

  /** Median time to resolve per month for the six months up to the period's end, as an SVG bar chart. */
  private String trendChart(Period period, List<Incident> all, Analysis analysis) {
    Map<String, List<Double>> byMonth = new LinkedHashMap<>();
    YearMonth last = YearMonth.from(period.end().minusDays(1));
    for (YearMonth m = last.minusMonths(5); !m.isAfter(last); m = m.plusMonths(1)) byMonth.put(m.toString(), new ArrayList<>());
    for (Incident i : all) {
      String m = YearMonth.from(i.started().atZoneSameInstant(config.timeZone()).toLocalDate()).toString();
      if (byMonth.containsKey(m)) analysis.of(i.id()).timeToResolve().ifPresent(d -> byMonth.get(m).add(d.getSeconds() / 60.0));
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    byMonth.forEach((m, values) -> {
      values.sort(null);
      medians.put(m, Percentiles.median(values).orElse(0));
    });
    return SvgBars.of(medians, "min", "Median time to resolve per month");
  }

}
