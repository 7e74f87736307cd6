package dev.hindsight.render;

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
    Files.createDirectories(dataDir);
    ObjectNode all = header(analysis, version);
    ArrayNode list = all.putArray("incidents");
    // Each incident's tree on every core, in order; written out as one file after.
    list.addAll(incidents.parallelStream().map(i -> incident(i, analysis.of(i.id()))).toList());
    json.writeValue(dataDir.resolve("incidents.json").toFile(), all);
  }

  /** {@code trends.json}: the monthly and quarterly figures and the recurrence chains. */
  public void writeTrends(Analysis analysis, String version, Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    ObjectNode trends = header(analysis, version);
    periods(trends.putArray("monthly"), analysis.monthly());
    periods(trends.putArray("quarterly"), analysis.quarterly());
    chains(trends.putArray("recurrence_chains"), analysis.recurrenceChains());
    chains(trends.putArray("tag_chains"), analysis.tagChains());
    json.writeValue(dataDir.resolve("trends.json").toFile(), trends);
  }

  /** {@code actions.json}: every action with its state, by owner and by team, and the follow-up reviews due. */
  public void writeActions(Analysis analysis, String version, Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    ObjectNode actions = header(analysis, version);
    ArrayNode items = actions.putArray("actions");
    analysis.actions().forEach(t -> items.add(action(t)));
    ObjectNode byOwner = actions.putObject("by_owner");
    analysis.byOwner().forEach((owner, list2) -> byOwner.set(owner, ids(list2)));
    ObjectNode byTeam = actions.putObject("by_team");
    analysis.byTeam().forEach((team, list2) -> byTeam.set(team, ids(list2)));
    ArrayNode reviews = actions.putArray("follow_up_reviews_due");
    analysis.reviewsDue().forEach(reviews::add);
    json.writeValue(dataDir.resolve("actions.json").toFile(), actions);
  }

  private ObjectNode header(Analysis analysis, String version) {
    ObjectNode root = json.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("generator", "hindsight " + version);
    root.put("as_of", analysis.asOf().toString());
    root.put("time_zone", config.timeZone().getId());
    return root;
  }

  private ObjectNode incident(Incident i, IncidentFigures f) {
    ObjectNode o = json.createObjectNode();
    o.put("id", i.id());
    o.put("url", IncidentViews.url(i));
    o.put("title", i.title());
    o.put("status", i.status().label());
    o.put("severity", i.severity());
    o.put("started", i.started().toString());
    putTime(o, "detected", i.detected().map(Object::toString));
    putTime(o, "mitigated", i.mitigated().map(Object::toString));
    putTime(o, "resolved", i.resolved().map(Object::toString));
    minutes(o, "time_to_detect_minutes", f.timeToDetect());
    minutes(o, "time_to_mitigate_minutes", f.timeToMitigate());
    minutes(o, "time_to_resolve_minutes", f.timeToResolve());
    minutes(o, "duration_minutes", f.duration());
    ArrayNode services = o.putArray("services");
    i.services().forEach(services::add);
    ArrayNode tags = o.putArray("tags");
    i.tags().forEach(tags::add);
    o.put("rca_category", i.rca().map(r -> r.category()).orElse(null));
    if (f.budget().isPresent()) {
      BudgetBurn b = f.budget().get();
      ObjectNode budget = o.putObject("error_budget");
      budget.put("slo", b.slo());
      budget.put("target_percent", b.target());
      budget.put("window_days", b.windowDays());
      budget.put("budget_minutes", round(b.budgetMinutes()));
      budget.put("bad_minutes", round(b.badMinutes()));
      budget.put("bad_fraction", b.fraction());
      budget.put("burned_minutes", round(b.burnedMinutes()));
      budget.put("percent_of_budget", round(b.percentOfBudget()));
    } else {
      o.putNull("error_budget");
    }
    if (f.recurrence().isPresent()) {
      Recurrence.Place p = f.recurrence().get();
      ObjectNode r = o.putObject("recurrence");
      r.put("text", p.phrase());
      r.put("rca_category", p.key());
      r.put("service", p.service());
      r.put("ordinal", p.ordinal());
      r.put("window_days", p.windowDays());
      r.put("chain", p.chainId());
      r.set("predecessors", json.valueToTree(p.predecessors()));
    } else {
      o.putNull("recurrence");
    }
    ArrayNode repeats = o.putArray("tag_repeats");
    f.tagRepeats().forEach(p -> repeats.addObject().put("tag", p.key()).put("service", p.service()).put("ordinal", p.ordinal()).put("text", p.tagPhrase()));
    ArrayNode similar = o.putArray("similar");
    f.similar().forEach(m -> similar.addObject().put("id", m.id()).put("score", m.score()));
    ArrayNode related = o.putArray("related");
    i.related().forEach(related::add);
    ObjectNode actionCounts = o.putObject("actions");
    Map<String, Integer> byState = new TreeMap<>();
    f.actions().forEach(t -> byState.merge(t.state().label(), 1, Integer::sum));
    actionCounts.put("total", f.actions().size());
    byState.forEach(actionCounts::put);
    o.put("review_on", i.reviewOn().map(Object::toString).orElse(null));
    o.put("review_due", f.reviewDue());
    return o;
  }

  private ObjectNode action(TrackedAction t) {
    Action a = t.action();
    ObjectNode o = json.createObjectNode();
    o.put("incident", t.incidentId());
    o.put("incident_title", t.incidentTitle());
    o.put("severity", t.severity());
    o.put("id", a.id());
    o.put("title", a.title());
    o.put("owner", a.owner());
    o.set("teams", json.valueToTree(t.teams()));
    o.put("due", a.due().toString());
    o.put("type", a.type().label());
    o.put("priority", a.priority().label());
    o.put("status", a.status().label());
    o.put("state", t.state().label());
    o.put("days_overdue", t.daysOverdue());
    o.put("done_on", a.doneOn().map(Object::toString).orElse(null));
    o.put("ticket", a.ticket().orElse(null));
    o.put("ticket_url", a.ticket().flatMap(config::ticketLink).orElse(null));
    return o;
  }

  private ArrayNode ids(List<TrackedAction> actions) {
    ArrayNode list = json.createArrayNode();
    actions.forEach(t -> list.add(t.incidentId() + "#" + t.action().id()));
    return list;
  }

  private void periods(ArrayNode out, List<PeriodTrend> periods) {
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
  }

  private void chains(ArrayNode out, List<Recurrence.Chain> chains) {
    for (Recurrence.Chain c : chains) {
      out.addObject().put("id", c.id()).put("key", c.key()).put("service", c.service()).set("incidents", json.valueToTree(c.incidents()));
    }
  }

  private static void putTime(ObjectNode o, String field, Optional<String> value) {
    o.put(field, value.orElse(null));
  }

  private static void minutes(ObjectNode o, String field, Optional<Duration> d) {
    if (d.isPresent()) o.put(field, round(d.get().getSeconds() / 60.0));
    else o.putNull(field);
  }

  private static void number(ObjectNode o, String field, OptionalDouble v) {
    if (v.isPresent()) o.put(field, round(v.getAsDouble()));
    else o.putNull(field);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
