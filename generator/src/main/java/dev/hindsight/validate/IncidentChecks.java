package dev.hindsight.validate;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DidYouMean;
import dev.hindsight.load.IncidentReader;
import dev.hindsight.load.NodePath;
import dev.hindsight.load.SourceDocument;
import dev.hindsight.load.SourceMap;
import dev.hindsight.model.Action;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentStatus;
import dev.hindsight.model.Metric;
import dev.hindsight.model.Reference;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Slugs;
import dev.hindsight.model.TimelineEntry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules about one incident that a schema cannot express: order, references, config. */
public final class IncidentChecks {
  static final Duration TIMELINE_LEAD = Duration.ofDays(7);
  static final Duration TIMELINE_TRAIL = Duration.ofDays(1);
  private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-");
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
  private static final NodePath ROOT = NodePath.ROOT;
  private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final int MAX_ID = 100;

  private final SiteConfig config;
  private final boolean configKnown;

  /**
   * @param configKnown false when hindsight.yaml could not be read: the rules that compare with
   *     it (severity, category, SLO, owners) are then skipped rather than reported against defaults
   */
  public IncidentChecks(SiteConfig config, boolean configKnown) {
    this.config = config;
    this.configKnown = configKnown;
  }

  public List<Diagnostic> check(Incident incident, SourceDocument doc) {
    List<Diagnostic> out = new ArrayList<>();
    SourceMap map = doc.map();
    checkTimes(incident, map, out);
    checkTimeline(incident, map, out);
    checkActions(incident, map, out);
    checkMetrics(incident, map, out);
    if (configKnown) checkConfigValues(incident, map, out);
    checkPublished(incident, doc, out);
    checkEvidence(incident, doc, out);
    checkFileName(incident, doc, out);
    checkId(incident, doc, out);
    return out;
  }

  private void checkTimes(Incident i, SourceMap map, List<Diagnostic> out) {
    Map<String, Optional<OffsetDateTime>> times = new LinkedHashMap<>();
    times.put("started", Optional.of(i.started()));
    times.put("detected", i.detected());
    times.put("mitigated", i.mitigated());
    times.put("resolved", i.resolved());
    String previousName = null;
    OffsetDateTime previous = null;
    for (Map.Entry<String, Optional<OffsetDateTime>> e : times.entrySet()) {
      if (e.getValue().isEmpty()) continue;
      OffsetDateTime t = e.getValue().get();
      if (previous != null && t.isBefore(previous)) {
        out.add(Diagnostic.error(map.value(ROOT.field(e.getKey())), Code.HS201,
            "`" + e.getKey() + "` (" + SHORT.format(t) + ") is before `" + previousName + "` (" + SHORT.format(previous) + ")",
            "the order must be started <= detected <= mitigated <= resolved; check the date, the hour and the UTC offset"));
      } else {
        previous = t;
        previousName = e.getKey();
      }
    }
  }

  private void checkTimeline(Incident i, SourceMap map, List<Diagnostic> out) {
    OffsetDateTime earliest = i.started().minus(TIMELINE_LEAD);
    Optional<OffsetDateTime> latest = i.resolved().map(r -> r.plus(TIMELINE_TRAIL));
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < i.timeline().size(); k++) {
      TimelineEntry e = i.timeline().get(k);
      NodePath at = ROOT.field("timeline").index(k).field("at");
      if (k > 0 && e.at().isBefore(i.timeline().get(k - 1).at())) {
        out.add(Diagnostic.error(map.value(at), Code.HS202,
            "timeline entry " + (k + 1) + " (" + SHORT.format(e.at()) + ") comes before the entry above it (" + SHORT.format(i.timeline().get(k - 1).at()) + ")",
            "keep the timeline in chronological order; check the date and the UTC offset"));
      }
      if (e.at().isBefore(earliest) || latest.filter(l -> e.at().isAfter(l)).isPresent()) {
        out.add(Diagnostic.warning(map.value(at), Code.HS203,
            "timeline entry " + (k + 1) + " (" + SHORT.format(e.at()) + ") is far from the incident (started " + SHORT.format(i.started())
                + i.resolved().map(r -> ", resolved " + SHORT.format(r)).orElse("") + ")",
            "entries should fall between a week before `started` and a day after `resolved`; is the date right?"));
      }
      if (e.id().isPresent() && !ids.add(e.id().get())) {
        out.add(Diagnostic.error(map.value(ROOT.field("timeline").index(k).field("id")), Code.HS208,
            "timeline id `" + e.id().get() + "` is used twice", "give each timeline entry its own id"));
      }
    }
  }

  private void checkActions(Incident i, SourceMap map, List<Diagnostic> out) {
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < i.actions().size(); k++) {
      Action a = i.actions().get(k);
      NodePath p = ROOT.field("actions").index(k);
      if (!ids.add(a.id())) {
        out.add(Diagnostic.error(map.value(p.field("id")), Code.HS207, "action id `" + a.id() + "` is used twice in this incident",
            "number the actions A1, A2, A3, ..."));
      }
      if (a.due().isBefore(i.started().toLocalDate())) {
        out.add(Diagnostic.error(map.value(p.field("due")), Code.HS204,
            "action `" + a.id() + "` is due " + a.due() + ", before the incident started (" + i.started().toLocalDate() + ")",
            "set the date by which the action will be done; for work finished during the incident, use the date it was done"));
      }
      if (a.status() == ActionStatus.DONE && a.doneOn().isEmpty()) {
        out.add(Diagnostic.warning(map.value(p.field("status")), Code.HS205, "action `" + a.id() + "` is done but has no `done_on` date",
            "add `done_on: YYYY-MM-DD` so that the follow-up review can see whether it was done on time"));
      }
      if (a.status() != ActionStatus.DONE && a.doneOn().isPresent()) {
        out.add(Diagnostic.warning(map.value(p.field("done_on")), Code.HS206,
            "action `" + a.id() + "` has a `done_on` date but its status is `" + a.status().label() + "`",
            "set `status: done`, or remove `done_on`"));
      }
      if (configKnown && !a.owner().isBlank() && !config.knowsOwner(a.owner())) {
        out.add(Diagnostic.warning(map.value(p.field("owner")), Code.HS214, "owner `" + a.owner() + "` is not a known team or team member",
            DidYouMean.closest(a.owner(), config.ownerNames()).map(c -> "did you mean `" + c + "`?")
                .orElse("add them to `teams` in hindsight.yaml, or assign the action to a team: " + String.join(", ", config.teams().stream().map(t -> t.name()).toList()))));
      }
    }
  }

  private void checkMetrics(Incident i, SourceMap map, List<Diagnostic> out) {
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < i.metrics().size(); k++) {
      Metric m = i.metrics().get(k);
      NodePath p = ROOT.field("metrics").index(k);
      if (!ids.add(m.id())) {
        out.add(Diagnostic.error(map.value(p.field("id")), Code.HS208, "metric id `" + m.id() + "` is used twice", "give each metric its own id"));
      }
      for (int j = 1; j < m.points().size(); j++) {
        if (m.points().get(j).isBefore(m.points().get(j - 1))) {
          NodePath at = m.file().isPresent() ? p.field("file") : p.field("points").index(j);
          out.add(Diagnostic.error(map.value(at), Code.HS219, "metric `" + m.id() + "`: sample " + (j + 1) + " is earlier than the one before it",
              "list samples in time order"));
          break;
        }
      }
    }
  }

  private void checkConfigValues(Incident i, SourceMap map, List<Diagnostic> out) {
    if (!config.severityNames().contains(i.severity())) {
      out.add(Diagnostic.error(map.value(ROOT.field("severity")), Code.HS211,
          "severity `" + i.severity() + "` is not on the scale (" + String.join(", ", config.severityNames()) + ")",
          DidYouMean.hint(i.severity(), config.severityNames())));
    }
    i.rca().ifPresent(rca -> {
      if (!config.rcaCategories().contains(rca.category())) {
        out.add(Diagnostic.error(map.value(ROOT.field("rca").field("category")), Code.HS212,
            "RCA category `" + rca.category() + "` is not in the taxonomy", DidYouMean.hint(rca.category(), config.rcaCategories())));
      }
    });
    i.impact().slo().ifPresent(slo -> {
      if (config.slo(slo).isEmpty()) {
        List<String> names = config.slos().stream().map(s -> s.name()).toList();
        out.add(Diagnostic.error(map.value(ROOT.field("impact").field("slo")), Code.HS213,
            "SLO `" + slo + "` is not defined in hindsight.yaml",
            names.isEmpty() ? "define it under `slos` in hindsight.yaml (name, target, window_days)" : DidYouMean.hint(slo, names)));
      }
    });
  }

  /** What a published write-up must hold, judged on what the author wrote (doc) not what parsed. */
  private void checkPublished(Incident i, SourceDocument doc, List<Diagnostic> out) {
    if (i.status() != IncidentStatus.PUBLISHED) return;
    var at = doc.map().value(ROOT.field("status"));
    if (i.summary().filter(s -> !s.isBlank()).isEmpty()) {
      out.add(Diagnostic.error(at, Code.HS210, "a published incident needs a `summary`",
          "add a plain-language summary for executives, or set `status: review` until it is written"));
    }
    if (!doc.data().has("rca")) {
      out.add(Diagnostic.error(at, Code.HS210, "a published incident needs an `rca` (root cause analysis)",
          "add `rca:` with at least `category` and `root_causes`, or set `status: review`"));
    }
    if (doc.data().path("actions").isEmpty()) {
      out.add(Diagnostic.error(at, Code.HS210, "a published incident needs at least one action",
          "add `actions:` with id, title, owner, due, type, priority and status, or set `status: review`"));
    }
    List<String> missing = new ArrayList<>();
    if (i.detected().isEmpty()) missing.add("detected");
    if (i.mitigated().isEmpty()) missing.add("mitigated");
    if (i.resolved().isEmpty()) missing.add("resolved");
    if (!missing.isEmpty()) {
      out.add(Diagnostic.warning(at, Code.HS220, "this published incident has no `" + String.join("`, `", missing) + "` time",
          "without them, time to detect, mitigate and resolve cannot be measured"));
    }
  }

  private void checkEvidence(Incident i, SourceDocument doc, List<Diagnostic> out) {
    Set<String> targets = new HashSet<>();
    i.metrics().forEach(m -> targets.add(m.id()));
    i.timeline().forEach(e -> e.id().ifPresent(targets::add));
    for (int k = 0; k < i.timeline().size(); k++) {
      int index = k;
      i.timeline().get(k).evidence().ifPresent(ref -> checkRef(i, ref, ROOT.field("timeline").index(index).field("evidence"), targets, doc, out));
    }
    i.rca().ifPresent(rca -> {
      checkFindings(i, rca.rootCauses(), ROOT.field("rca").field("root_causes"), targets, doc, out);
      checkFindings(i, rca.contributingFactors(), ROOT.field("rca").field("contributing_factors"), targets, doc, out);
      for (int k = 0; k < rca.evidence().size(); k++) {
        checkRef(i, rca.evidence().get(k).ref(), ROOT.field("rca").field("evidence").index(k).field("ref"), targets, doc, out);
      }
    });
  }

  private void checkFindings(Incident i, List<Finding> findings, NodePath base, Set<String> targets, SourceDocument doc, List<Diagnostic> out) {
    for (int k = 0; k < findings.size(); k++) {
      List<String> refs = findings.get(k).evidence();
      for (int j = 0; j < refs.size(); j++) {
        checkRef(i, refs.get(j), base.index(k).field("evidence").index(j), targets, doc, out);
      }
    }
  }

  private void checkRef(Incident i, String ref, NodePath at, Set<String> targets, SourceDocument doc, List<Diagnostic> out) {
    switch (Reference.of(ref, i).kind()) {
      case METRIC, TIMELINE, URL -> {
        return;
      }
      case DISALLOWED_LINK -> {
        out.add(Diagnostic.error(doc.map().value(at), Code.HS216, "evidence `" + ref + "` uses a link type that is not allowed",
            "link evidence with http:// or https:// URLs only"));
        return;
      }
      case FILE -> {
        IncidentReader.resolveFile(doc, ref, at, out);
        return;
      }
      case UNKNOWN -> { }
    }
    out.add(Diagnostic.error(doc.map().value(at), Code.HS216,
        "evidence `" + ref + "` is not a metric id, a timeline id, a file or a URL",
        DidYouMean.closest(ref, targets).map(c -> "did you mean `" + c + "`?")
            .orElse(targets.isEmpty() ? "add the metric or give the timeline entry an `id`, or link a file or an https:// URL"
                : "known ids here: " + String.join(", ", targets.stream().sorted().toList()))));
  }

  /**
   * The id names the incident's folder in the site and its brief: it must be a safe file name on
   * every system the site is copied to. An explicit `id:` is held to the same pattern by the schema;
   * here the id taken from a file name, and device names that no pattern excludes.
   */
  private void checkId(Incident i, SourceDocument doc, List<Diagnostic> out) {
    boolean explicit = doc.data().has("id");
    String id = i.id();
    if (!explicit && (!SAFE_ID.matcher(id).matches() || id.length() > MAX_ID)) {
      out.add(Diagnostic.error(dev.hindsight.diagnostic.Location.startOf(doc.file()), Code.HS107,
          "the " + (doc.ownFolder() ? "folder" : "file") + " name `" + id + "` cannot be the incident's id"
              + (id.length() > MAX_ID ? " (" + id.length() + " characters; at most " + MAX_ID + ")" : ": ids are used in URLs and file names, so they take lower-case letters, digits and dashes only"),
          renameFix(doc)));
    } else if (Slugs.isDeviceName(id)) {
      out.add(Diagnostic.error(explicit ? doc.map().value(ROOT.field("id")) : dev.hindsight.diagnostic.Location.startOf(doc.file()), Code.HS107,
          "`" + id + "` is a device name on Windows: the incident's folder could not be created there",
          explicit ? "choose another `id:`, for example `" + id + "-incident`" : renameFix(doc)));
    }
  }

  /** How to mend an id taken from a name (made only when one needs mending: it is a slug and a regular expression). */
  private static String renameFix(SourceDocument doc) {
    return "rename the " + (doc.ownFolder() ? "folder" : "file") + " to `" + suggestedName(doc) + "`, or set `id:` in the front matter";
  }

  private static String suggestedName(SourceDocument doc) {
    String slug = Slugs.of(doc.defaultId(), "incident");
    // Slugs.of marks a device name with "-x"; a file name reads better with "-incident".
    if (slug.endsWith("-x") && Slugs.isDeviceName(slug.substring(0, slug.length() - 2))) slug = slug.substring(0, slug.length() - 2) + "-incident";
    String ext = doc.ownFolder() ? "" : doc.file().getFileName().toString().replaceFirst("^.*(\\.[^.]+)$", "$1");
    return slug + ext;
  }

  private void checkFileName(Incident i, SourceDocument doc, List<Diagnostic> out) {
    Matcher m = DATED_NAME.matcher(doc.defaultId());
    if (m.find() && !m.group(1).equals(i.started().toLocalDate().toString())) {
      out.add(Diagnostic.warning(doc.map().value(ROOT.field("started")), Code.HS217,
          "the file name says " + m.group(1) + " but `started` is on " + i.started().toLocalDate(),
          "rename the file to start with the date the incident started, so the folder lists incidents in order"));
    }
  }
}
