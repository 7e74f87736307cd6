package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.BudgetBurn;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.analyze.PeriodTrend;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.model.Action;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Writes the analysis as JSON into the site ({@code data/incidents.json}, {@code data/trends.json},
 * {@code data/actions.json}) for dashboards and bots. The format is documented in docs/data.md and
 * versioned by {@code schema_version}: fields are only added, never renamed, within a version.
 */
public final class DataExport {
  public static final int SCHEMA_VERSION = 1;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final SiteConfig config;

  public DataExport(SiteConfig config) {
    this.config = config;
  }

  /** {@code incidents.json}: one record per incident with its figures. */
  public void writeIncidents(List<Incident> incidents, Analysis analysis, String version, Path dataDir) throws IOException {
    // Written as it goes, record by record: no tree of 10,000 records is built first.
    try (JsonGenerator g = open(dataDir, "incidents.json")) {
      header(g, analysis, version);
      g.writeArrayFieldStart("incidents");
      for (Incident i : incidents) incident(g, i, analysis.of(i.id()));
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** {@code trends.json}: the monthly and quarterly figures and the recurrence chains. */
  public void writeTrends(Analysis analysis, String version, Path dataDir) throws IOException {
    try (JsonGenerator g = open(dataDir, "trends.json")) {
      header(g, analysis, version);
      g.writeFieldName("monthly");
      g.writeTree(periods(analysis.monthly()));
      g.writeFieldName("quarterly");
      g.writeTree(periods(analysis.quarterly()));
      g.writeFieldName("recurrence_chains");
      g.writeTree(chains(analysis.recurrenceChains()));
      g.writeFieldName("tag_chains");
      g.writeTree(chains(analysis.tagChains()));
      g.writeEndObject();
    }
  }

  /** {@code actions.json}: every action with its state, by owner and by team, and the follow-up reviews due. */
  public void writeActions(Analysis analysis, String version, Path dataDir) throws IOException {
    try (JsonGenerator g = open(dataDir, "actions.json")) {
      header(g, analysis, version);
      g.writeArrayFieldStart("actions");
      for (TrackedAction t : analysis.actions()) action(g, t);
      g.writeEndArray();
      ids(g, "by_owner", analysis.byOwner());
      ids(g, "by_team", analysis.byTeam());
      strings(g, "follow_up_reviews_due", analysis.reviewsDue());
      g.writeEndObject();
    }
  }

  /** A generator writing {@code name} in {@code dataDir}, indented as {@code json} indents. */
  private JsonGenerator open(Path dataDir, String name) throws IOException {
    Files.createDirectories(dataDir);
    return json.createGenerator(dataDir.resolve(name).toFile(), JsonEncoding.UTF8);
  }

  /** Opens the file's object with the fields every export starts with. */
  private void header(JsonGenerator g, Analysis analysis, String version) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schema_version", SCHEMA_VERSION);
    g.writeStringField("generator", "hindsight " + version);
    g.writeStringField("as_of", analysis.asOf().toString());
    g.writeStringField("time_zone", config.timeZone().getId());
  }

  private void incident(JsonGenerator g, Incident i, IncidentFigures f) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("url", IncidentViews.url(i));
    g.writeStringField("title", i.title());
    g.writeStringField("status", i.status().label());
    g.writeStringField("severity", i.severity());
    g.writeStringField("started", i.started().toString());
    g.writeStringField("detected", i.detected().map(Object::toString).orElse(null));
    g.writeStringField("mitigated", i.mitigated().map(Object::toString).orElse(null));
    g.writeStringField("resolved", i.resolved().map(Object::toString).orElse(null));
    minutes(g, "time_to_detect_minutes", f.timeToDetect());
    minutes(g, "time_to_mitigate_minutes", f.timeToMitigate());
    minutes(g, "time_to_resolve_minutes", f.timeToResolve());
    minutes(g, "duration_minutes", f.duration());
    strings(g, "services", i.services());
    strings(g, "tags", i.tags());
    g.writeStringField("rca_category", i.rca().map(r -> r.category()).orElse(null));
    if (f.budget().isPresent()) {
      BudgetBurn b = f.budget().get();
      g.writeObjectFieldStart("error_budget");
      g.writeStringField("slo", b.slo());
      g.writeNumberField("target_percent", b.target());
      g.writeNumberField("window_days", b.windowDays());
      g.writeNumberField("budget_minutes", round(b.budgetMinutes()));
      g.writeNumberField("bad_minutes", round(b.badMinutes()));
      g.writeNumberField("bad_fraction", b.fraction());
      g.writeNumberField("burned_minutes", round(b.burnedMinutes()));
      g.writeNumberField("percent_of_budget", round(b.percentOfBudget()));
      g.writeEndObject();
    } else {
      g.writeNullField("error_budget");
    }
    if (f.recurrence().isPresent()) {
      Recurrence.Place p = f.recurrence().get();
      g.writeObjectFieldStart("recurrence");
      g.writeStringField("text", p.phrase());
      g.writeStringField("rca_category", p.key());
      g.writeStringField("service", p.service());
      g.writeNumberField("ordinal", p.ordinal());
      g.writeNumberField("window_days", p.windowDays());
      g.writeStringField("chain", p.chainId());
      strings(g, "predecessors", p.predecessors());
      g.writeEndObject();
    } else {
      g.writeNullField("recurrence");
    }
    g.writeArrayFieldStart("tag_repeats");
    for (Recurrence.Place p : f.tagRepeats()) {
      g.writeStartObject();
      g.writeStringField("tag", p.key());
      g.writeStringField("service", p.service());
      g.writeNumberField("ordinal", p.ordinal());
      g.writeStringField("text", p.tagPhrase());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("similar");
    for (var m : f.similar()) {
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeNumberField("score", m.score());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "related", i.related());
    g.writeObjectFieldStart("actions");
    Map<String, Integer> byState = new TreeMap<>();
    f.actions().forEach(t -> byState.merge(t.state().label(), 1, Integer::sum));
    g.writeNumberField("total", f.actions().size());
    for (Map.Entry<String, Integer> e : byState.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
    g.writeStringField("review_on", i.reviewOn().map(Object::toString).orElse(null));
    g.writeBooleanField("review_due", f.reviewDue());
    g.writeEndObject();
  }

  private void action(JsonGenerator g, TrackedAction t) throws IOException {
    Action a = t.action();
    g.writeStartObject();
    g.writeStringField("incident", t.incidentId());
    g.writeStringField("incident_title", t.incidentTitle());
    g.writeStringField("severity", t.severity());
    g.writeStringField("id", a.id());
    g.writeStringField("title", a.title());
    g.writeStringField("owner", a.owner());
    strings(g, "teams", t.teams());
    g.writeStringField("due", a.due().toString());
    g.writeStringField("type", a.type().label());
    g.writeStringField("priority", a.priority().label());
    g.writeStringField("status", a.status().label());
    g.writeStringField("state", t.state().label());
    g.writeNumberField("days_overdue", t.daysOverdue());
    g.writeStringField("done_on", a.doneOn().map(Object::toString).orElse(null));
    g.writeStringField("ticket", a.ticket().orElse(null));
    g.writeStringField("ticket_url", a.ticket().flatMap(config::ticketLink).orElse(null));
    g.writeEndObject();
  }

  /** An object of the actions' ids ({@code incident#action}) by owner or by team. */
  private static void ids(JsonGenerator g, String field, Map<String, List<TrackedAction>> groups) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, List<TrackedAction>> e : groups.entrySet()) {
      g.writeArrayFieldStart(e.getKey());
      for (TrackedAction t : e.getValue()) g.writeString(t.incidentId() + "#" + t.action().id());
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  private ArrayNode periods(List<PeriodTrend> periods) {
    ArrayNode out = json.createArrayNode();
    for (PeriodTrend p : periods) {
      ObjectNode o = out.addObject();
      o.put("period", p.period());
      o.put("incidents", p.incidents());
      o.set("by_severity", json.valueToTree(new TreeMap<>(p.bySeverity())));
      o.set("by_rca_category", json.valueToTree(new TreeMap<>(p.byCategory())));
      o.set("by_service", json.valueToTree(new TreeMap<>(p.byService())));
      number(o, "time_to_detect_median_minutes", p.timeToDetectMedian());
      number(o, "time_to_detect_p90_minutes", p.timeToDetectP90());
      number(o, "time_to_resolve_median_minutes", p.timeToResolveMedian());
      number(o, "time_to_resolve_p90_minutes", p.timeToResolveP90());
      ObjectNode budget = o.putObject("error_budget");
      new TreeMap<>(p.budgetBurnedMinutes()).forEach((slo, m) -> budget.putObject(slo).put("burned_minutes", round(m))
          .put("percent_of_budget", round(p.budgetBurnedPercent().get(slo))));
      ObjectNode actions = o.putObject("actions");
      actions.put("opened", p.actionsOpened());
      actions.put("closed", p.actionsClosed());
      actions.put("closed_on_time", p.actionsClosedOnTime());
      actions.put("overdue", p.actionsOverdue());
    }
    return out;
  }

  private ArrayNode chains(List<Recurrence.Chain> chains) {
    ArrayNode out = json.createArrayNode();
    for (Recurrence.Chain c : chains) {
      out.addObject().put("id", c.id()).put("key", c.key()).put("service", c.service()).set("incidents", json.valueToTree(c.incidents()));
    }
    return out;
  }

  private static void minutes(JsonGenerator g, String field, Optional<Duration> d) throws IOException {
    if (d.isPresent()) g.writeNumberField(field, round(d.get().getSeconds() / 60.0));
    else g.writeNullField(field);
  }

  private static void number(ObjectNode o, String field, OptionalDouble v) {
    if (v.isPresent()) o.put(field, round(v.getAsDouble()));
    else o.putNull(field);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
