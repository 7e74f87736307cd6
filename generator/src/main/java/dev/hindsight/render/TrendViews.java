package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.PeriodTrend;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The trends page: monthly charts (as Chart.js-ready JSON with the same figures as a table for
 * screen readers and readers without JavaScript), recurrence chains and the services hit most.
 */
final class TrendViews {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SectionViews sections;
  private final SiteConfig config;
  private final Analysis analysis;
  private final IncidentViews views;
  private final boolean briefs;

  TrendViews(SiteConfig config, Analysis analysis, IncidentViews views, boolean briefs, SectionViews sections) {
    this.sections = sections;
    this.config = config;
    this.analysis = analysis;
    this.views = views;
    this.briefs = briefs;
  }

  Views.TrendsPage page(List<Incident> incidents) {
    List<PeriodTrend> months = continuous(analysis.monthly());
    List<String> labels = months.stream().map(PeriodTrend::period).toList();
    List<Views.TrendChart> charts = new ArrayList<>();
    charts.add(counts("by-severity", "Incidents per month, by severity", labels, months, config.severityNames(), PeriodTrend::bySeverity));
    TreeSet<String> categories = new TreeSet<>();
    months.forEach(m -> categories.addAll(m.byCategory().keySet()));
    charts.add(counts("by-category", "Incidents per month, by RCA category", labels, months, List.copyOf(categories), PeriodTrend::byCategory));
    Map<String, List<OptionalDouble>> times = new LinkedHashMap<>();
    times.put("Time to detect, median", months.stream().map(PeriodTrend::timeToDetectMedian).toList());
    times.put("Time to detect, p90", months.stream().map(PeriodTrend::timeToDetectP90).toList());
    times.put("Time to resolve, median", months.stream().map(PeriodTrend::timeToResolveMedian).toList());
    times.put("Time to resolve, p90", months.stream().map(PeriodTrend::timeToResolveP90).toList());
    charts.add(chart("response-times", "Time to detect and to resolve (minutes)", "Median and 90th percentile of the incidents that started in each month.",
        "line", false, "minutes", labels, times));
    Map<String, List<OptionalDouble>> budget = new LinkedHashMap<>();
    for (var slo : config.slos()) {
      budget.put(slo.name(), months.stream().map(m -> m.budgetBurnedPercent().containsKey(slo.name())
          ? OptionalDouble.of(Math.round(m.budgetBurnedPercent().get(slo.name()) * 10) / 10.0) : OptionalDouble.of(0)).toList());
    }
    if (!budget.isEmpty()) {
      charts.add(chart("error-budget", "Error budget burned per SLO (% of one window's budget)",
          "Incidents that started in the month; above 100 % the month alone used more than a whole window's budget.", "bar", false, "%", labels, budget));
    }
    List<Views.Link> periodBriefs = !briefs ? List.of() : dev.hindsight.pdf.Period.recent(analysis.asOf()).stream()
        .map(p -> new Views.Link(p.name(), "../" + dev.hindsight.pdf.Briefs.path(p))).toList();
    return new Views.TrendsPage(views.site("../"), charts, chains(incidents), topServices(incidents), periodBriefs);
  }

  private List<List<String>> chains(List<Incident> incidents) {
    Map<String, Incident> byId = new HashMap<>();
    incidents.forEach(i -> byId.put(i.id(), i));
    List<List<String>> rows = new ArrayList<>();
    for (Recurrence.Chain c : analysis.recurrenceChains()) {
      Incident first = byId.get(c.incidents().get(0));
      Incident last = byId.get(c.incidents().get(c.incidents().size() - 1));
      rows.add(List.of(c.key(), c.service(), String.valueOf(c.incidents().size()),
          DateFormats.DATE.format(first.started().atZoneSameInstant(config.timeZone())),
          DateFormats.DATE.format(last.started().atZoneSameInstant(config.timeZone())),
          "../" + IncidentViews.url(last), last.title()));
    }
    return rows;
  }

  private List<List<String>> topServices(List<Incident> incidents) {
    Map<String, int[]> count = new HashMap<>();
    Map<String, Duration> downtime = new HashMap<>();
    for (Incident i : incidents) {
      for (String s : i.services()) {
        count.computeIfAbsent(s, k -> new int[1])[0]++;
        downtime.merge(s, i.duration().orElse(Duration.ZERO), Duration::plus);
      }
    }
    return count.keySet().stream()
        .sorted(Comparator.comparingInt((String s) -> -count.get(s)[0]).thenComparing(s -> downtime.get(s), Comparator.reverseOrder()).thenComparing(s -> s))
        .limit(10)
        .map(s -> List.of(s, String.valueOf(count.get(s)[0]), Durations.human(downtime.get(s)), "../" + sections.groupUrl("services", s)))
        .toList();
  }

  private static Views.TrendChart counts(String id, String title, List<String> labels, List<PeriodTrend> months, List<String> series,
      Function<PeriodTrend, Map<String, Integer>> of) {
    Map<String, List<OptionalDouble>> data = new LinkedHashMap<>();
    for (String s : series) {
      List<OptionalDouble> values = months.stream().map(m -> OptionalDouble.of(of.apply(m).getOrDefault(s, 0))).toList();
      if (values.stream().anyMatch(v -> v.getAsDouble() > 0)) data.put(s, values);
    }
    return chart(id, title, "Incidents that started in each month.", "bar", true, "incidents", labels, data);
  }

  private static Views.TrendChart chart(String id, String title, String description, String type, boolean stacked, String unit,
      List<String> labels, Map<String, List<OptionalDouble>> series) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", type);
    o.put("stacked", stacked);
    o.put("unit", unit);
    o.set("labels", JSON.valueToTree(labels));
    ArrayNode datasets = o.putArray("datasets");
    series.forEach((name, values) -> {
      ObjectNode d = datasets.addObject();
      d.put("label", name);
      ArrayNode arr = d.putArray("data");
      values.forEach(v -> {
        if (v.isPresent()) arr.add(Math.round(v.getAsDouble() * 10) / 10.0);
        else arr.addNull();
      });
    });
    List<String> columns = new ArrayList<>();
    columns.add("Month");
    columns.addAll(series.keySet());
    List<List<String>> rows = new ArrayList<>();
    for (int k = 0; k < labels.size(); k++) {
      List<String> row = new ArrayList<>();
      row.add(labels.get(k));
      for (List<OptionalDouble> values : series.values()) {
        OptionalDouble v = values.get(k);
        row.add(v.isPresent() ? format(v.getAsDouble()) : "–");
      }
      rows.add(row);
    }
    try {
      return new Views.TrendChart(id, title, description, ChartData.forScript(JSON.writeValueAsString(o)), columns, rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** Every month from the first to the last, with empty months filled in, so time reads evenly. */
  private static List<PeriodTrend> continuous(List<PeriodTrend> months) {
    if (months.isEmpty()) return months;
    Map<String, PeriodTrend> byPeriod = new HashMap<>();
    months.forEach(m -> byPeriod.put(m.period(), m));
    List<PeriodTrend> out = new ArrayList<>();
    YearMonth end = YearMonth.parse(months.get(months.size() - 1).period());
    for (YearMonth m = YearMonth.parse(months.get(0).period()); !m.isAfter(end); m = m.plusMonths(1)) {
      out.add(byPeriod.getOrDefault(m.toString(), new PeriodTrend(m.toString(), 0, Map.of(), Map.of(), Map.of(), OptionalDouble.empty(),
          OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Map.of(), Map.of(), 0, 0, 0, 0)));
    }
    return out;
  }
}
