package dev.hindsight.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Action;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Evidence;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentStatus;
import dev.hindsight.model.Visibility;
import dev.hindsight.model.Labelled;
import dev.hindsight.model.LintException;
import dev.hindsight.model.Metric;
import dev.hindsight.model.MetricPoint;
import dev.hindsight.model.Money;
import dev.hindsight.model.Priority;
import dev.hindsight.model.Rca;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.TimelineKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns a document into an {@link Incident}, loading metric CSV files from the incident's folder.
 * Values the schema cannot judge (impossible dates, missing or escaping files, bad CSV rows) are
 * reported. It is lenient with what the schema already reported (wrong types, unknown enum
 * values are skipped or defaulted), so that the semantic rules can still run on a file with
 * schema errors and an author sees all problems at once; the incident is empty only when it
 * cannot be formed at all (no valid start time or no services).
 */
public final class IncidentReader {
  private final MetricCsvReader csv = new MetricCsvReader();

  public Optional<Incident> read(SourceDocument doc, List<Diagnostic> problems) {
    JsonNode d = doc.data();
    SourceMap map = doc.map();
    Fields f = new Fields();
    NodePath root = NodePath.ROOT;

    Optional<OffsetDateTime> started = f.time(d, "started");
    Optional<OffsetDateTime> detected = f.time(d, "detected");
    Optional<OffsetDateTime> mitigated = f.time(d, "mitigated");
    Optional<OffsetDateTime> resolved = f.time(d, "resolved");

    List<TimelineEntry> timeline = new ArrayList<>();
    JsonNode tl = list(d, "timeline");
    for (int i = 0; i < tl.size(); i++) {
      JsonNode e = tl.get(i);
      if (!e.isObject()) continue;
      Optional<OffsetDateTime> at = f.time(e, "at");
      TimelineKind kind = Labelled.parse(TimelineKind.class, f.requiredText(e, "kind")).orElse(TimelineKind.ACTION);
      at.ifPresent(t -> timeline.add(new TimelineEntry(f.text(e, "id"), t, f.requiredText(e, "event"), kind, f.text(e, "evidence"))));
    }

    List<Metric> metrics = new ArrayList<>();
    JsonNode ms = list(d, "metrics");
    for (int i = 0; i < ms.size(); i++) {
      if (!ms.get(i).isObject()) continue;
      readMetric(doc, ms.get(i), root.field("metrics").index(i), f, problems).ifPresent(metrics::add);
    }

    List<Action> actions = new ArrayList<>();
    JsonNode as = list(d, "actions");
    for (int i = 0; i < as.size(); i++) {
      JsonNode a = as.get(i);
      if (!a.isObject()) continue;
      Optional<LocalDate> due = f.date(a, "due");
      Optional<LocalDate> doneOn = f.date(a, "done_on");
      due.ifPresent(date -> actions.add(new Action(
          f.requiredText(a, "id"), f.requiredText(a, "title"), f.requiredText(a, "owner"), date,
          Labelled.parse(ActionType.class, f.requiredText(a, "type")).orElse(ActionType.PREVENT),
          Labelled.parse(Priority.class, f.requiredText(a, "priority")).orElse(Priority.P3),
          Labelled.parse(ActionStatus.class, f.requiredText(a, "status")).orElse(ActionStatus.OPEN),
          doneOn, f.text(a, "ticket"))));
    }

    Optional<LocalDate> reviewOn = d.path("follow_up").isObject() ? f.date(d.get("follow_up"), "review_on") : Optional.empty();

    List<LintException> exceptions = new ArrayList<>();
    list(d, "lint_exceptions").forEach(e -> {
      if (f.text(e, "rule").isPresent() && f.text(e, "reason").isPresent()) exceptions.add(new LintException(f.text(e, "rule").get(), f.text(e, "reason").get()));
    });
    List<String> services = f.texts(d, "services");
    if (started.isEmpty() || services.isEmpty()) return Optional.empty();
    return Optional.of(new Incident(
        f.text(d, "id").orElse(doc.defaultId()),
        f.requiredText(d, "title"),
        Labelled.parse(IncidentStatus.class, f.requiredText(d, "status")).orElse(IncidentStatus.DRAFT),
        f.text(d, "visibility").flatMap(v -> Labelled.parse(Visibility.class, v)),
        f.requiredText(d, "severity"),
        f.text(d, "summary"),
        started.get(), detected, mitigated, resolved,
        services, f.texts(d, "tags"), f.texts(d, "authors"), f.text(d, "facilitator"),
        readImpact(d.get("impact"), f),
        timeline, metrics, readRca(d.get("rca"), f), actions, reviewOn, f.texts(d, "related"), f.date(d, "published_on"), exceptions,
        doc.narrative(), doc.relativePath(), doc.file()));
  }

  private Optional<Metric> readMetric(SourceDocument doc, JsonNode m, NodePath p, Fields f, List<Diagnostic> problems) {
    boolean hasPoints = m.has("points");
    Optional<String> file = f.text(m, "file");
    if (hasPoints == file.isPresent()) {
      problems.add(Diagnostic.error(doc.map().value(p), Code.HS215,
          hasPoints ? "metric `" + f.requiredText(m, "id") + "` has both `points` and `file`" : "metric `" + f.requiredText(m, "id") + "` has neither `points` nor `file`",
          "give the samples either inline as `points: [[time, value], ...]` or as `file: name.csv` in the incident's folder"));
    }
    List<MetricPoint> points = new ArrayList<>();
    if (hasPoints) {
      JsonNode ps = list(m, "points");
      for (int i = 0; i < ps.size(); i++) {
        if (!ps.get(i).isArray() || ps.get(i).size() != 2 || !ps.get(i).get(1).isNumber()) continue;
        JsonNode at = ps.get(i).get(0);
        String time = at.asText();
        double value = ps.get(i).get(1).asDouble();
        // A sample's time read with its line holds its instant; any other is read here.
        long epochSecond = at instanceof SampleTime read ? read.epochSecond() : Fields.quickEpochSecond(time);
        if (epochSecond != Fields.NOT_QUICK) {
          points.add(new MetricPoint(epochSecond, 0, Fields.quickOffsetSeconds(time), value));
        } else {
          Fields.parseTime(time).ifPresent(t -> points.add(new MetricPoint(t, value)));
        }
      }
    } else if (file.isPresent()) {
      Optional<Path> csvFile = resolveFile(doc, file.get(), p.field("file"), problems);
      if (csvFile.isEmpty()) return Optional.empty();
      points.addAll(csv.read(csvFile.get(), problems));
    }
    OptionalDouble threshold = m.path("threshold").isNumber() ? OptionalDouble.of(m.get("threshold").asDouble()) : OptionalDouble.empty();
    return Optional.of(new Metric(f.requiredText(m, "id"), f.requiredText(m, "title"), f.requiredText(m, "unit"), threshold,
        f.text(m, "source"), file, points));
  }

  /**
   * The file that {@code name} refers to in the incident's folder, if it exists and stays inside it.
   */
  public static Optional<Path> resolveFile(SourceDocument doc, String name, NodePath at, List<Diagnostic> problems) {
    doc.referencedFiles().add(name);
    Path folder = doc.folder().toAbsolutePath().normalize();
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder) || Path.of(name).isAbsolute()) {
      problems.add(Diagnostic.error(doc.map().value(at), Code.HS402,
          "`" + name + "` points outside the incident's folder",
          "keep data files next to the incident: make it a folder `<date>-<slug>/index.md` and put the file beside index.md"));
      return Optional.empty();
    }
    if (!Files.isRegularFile(target)) {
      problems.add(Diagnostic.error(doc.map().value(at), Code.HS401,
          "`" + name + "` does not exist in " + doc.folder(),
          "check the spelling; file names are case-sensitive and relative to the incident's folder"));
      return Optional.empty();
    }
    if (!Confinement.within(target, folder)) {
      problems.add(Diagnostic.error(doc.map().value(at), Code.HS402,
          "`" + name + "` is a symbolic link to " + Confinement.target(target) + ", outside the incident's folder",
          "copy the file into the incident's folder instead of linking to it: links that leave the folder are not followed, so a build cannot publish files from elsewhere on the machine"));
      return Optional.empty();
    }
    return Optional.of(doc.folder().resolve(name).normalize());
  }

  private static Impact readImpact(JsonNode i, Fields f) {
    if (i == null || !i.isObject()) return Impact.NONE;
    Optional<Money> loss = Optional.empty();
    JsonNode r = i.get("revenue_loss");
    if (r != null && r.path("amount").isNumber() && r.path("currency").asText("").matches("[A-Z]{3}") && r.get("amount").decimalValue().signum() >= 0) {
      loss = Optional.of(new Money(r.get("amount").decimalValue(), r.get("currency").asText()));
    }
    OptionalLong users = i.path("users_affected").canConvertToLong() ? OptionalLong.of(i.get("users_affected").asLong()) : OptionalLong.empty();
    OptionalDouble bad = i.path("bad_fraction").isNumber() && i.get("bad_fraction").asDouble() >= 0 && i.get("bad_fraction").asDouble() <= 1
        ? OptionalDouble.of(i.get("bad_fraction").asDouble()) : OptionalDouble.empty();
    return new Impact(f.text(i, "summary"), users, f.texts(i, "regions"), loss, f.text(i, "slo"), f.text(i, "blast_radius"), bad);
  }

  private static Optional<Rca> readRca(JsonNode r, Fields f) {
    if (r == null || !r.isObject()) return Optional.empty();
    List<Evidence> evidence = new ArrayList<>();
    list(r, "evidence").forEach(e -> evidence.add(new Evidence(f.requiredText(e, "ref"), f.text(e, "note"))));
    return Optional.of(new Rca(f.requiredText(r, "category"), f.text(r, "trigger"),
        findings(list(r, "root_causes"), f), findings(list(r, "contributing_factors"), f), evidence));
  }

  private static List<Finding> findings(JsonNode list, Fields f) {
    List<Finding> out = new ArrayList<>();
    list.forEach(e -> out.add(new Finding(f.requiredText(e, "description"), f.texts(e, "evidence"))));
    return out;
  }

  /** The list at {@code field}, or an empty one when it is missing or not a list. */
  private static JsonNode list(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isArray() ? v : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
  }
}
