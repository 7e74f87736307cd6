package dev.hindsight.render;

import static dev.hindsight.render.DateFormats.DATE;
import static dev.hindsight.render.DateFormats.DATE_TIME;
import static dev.hindsight.render.DateFormats.TIME;

import dev.hindsight.analyze.ActionState;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.model.Action;
import dev.hindsight.model.Evidence;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Metric;
import dev.hindsight.model.MetricPoint;
import dev.hindsight.model.Reference;
import dev.hindsight.model.SeverityLevel;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.TimelineKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Prepares the view records for one site: formatting, links and Markdown, in one place. */
public final class IncidentViews {
  private static final Map<TimelineKind, String> ICONS = Map.of(
      TimelineKind.CAUSE, "⚠", TimelineKind.DETECTION, "🔔", TimelineKind.ESCALATION, "📣", TimelineKind.ACTION, "🛠",
      TimelineKind.COMMUNICATION, "💬", TimelineKind.MITIGATION, "🩹", TimelineKind.RESOLUTION, "✅");

  private final SiteConfig config;
  private final MarkdownRenderer markdown;
  private final Analysis analysis;
  private final String version;
  private final boolean briefs;
  private final dev.hindsight.load.GitHistory history;

  public IncidentViews(SiteConfig config, MarkdownRenderer markdown, Analysis analysis, String version, boolean briefs) {
    this(config, markdown, analysis, version, briefs, dev.hindsight.load.GitHistory.none());
  }

  public IncidentViews(SiteConfig config, MarkdownRenderer markdown, Analysis analysis, String version, boolean briefs,
      dev.hindsight.load.GitHistory history) {
    this.history = history;
    this.config = config;
    this.markdown = markdown;
    this.analysis = analysis;
    this.version = version;
    this.briefs = briefs;
  }

  public Views.Site site(String root) {
    return new Views.Site(config.title(), config.confidentiality(), root, config.timeZone().getId(), version);
  }

  public static String url(Incident i) {
    return "incidents/" + i.id() + "/";
  }

  /**
   * The incident's row in the index and in every group page it appears on (its services, tags,
   * category, teams): made once per incident, since the summary's plain text costs a Markdown parse.
   */
  public Views.IncidentRow row(Incident i) {
    return rows.computeIfAbsent(i.id(), id -> newRow(i));
  }

  private final java.util.Map<String, Views.IncidentRow> rows = new java.util.concurrent.ConcurrentHashMap<>();

  private Views.IncidentRow newRow(Incident i) {
    return new Views.IncidentRow(i.id(), url(i), i.title(), i.severity(), config.severityRank(i.severity()), i.status().label(),
        i.services(), DATE.format(local(i.started())), i.started().toString(),
        i.duration().map(Durations::human).orElse("ongoing"),
        i.rca().map(r -> r.category()).orElse(""),
        i.summary().map(s -> shorten(markdown.plain(s), 220)).orElse(""), String.valueOf(local(i.started()).getYear()),
        i.duration().map(Duration::toMinutes).orElse(Long.MAX_VALUE));
  }

  /** Where the index's rows are kept for the filters, when it has more than one page. */
  public static final String INDEX_ROWS = "data/index-rows.json";

  /**
   * The index, by each page's folder under the site root ({@link Paging}): newest first, the
   * filters' choices made from every incident.
   */
  public Map<String, Views.IndexPage> index(List<Incident> incidents, int drafts, boolean draftsIncluded) {
    List<Views.IncidentRow> rows = incidents.stream().map(this::row).toList();
    List<String> severities = config.severityNames().stream().filter(s -> rows.stream().anyMatch(r -> r.severity().equals(s))).toList();
    List<String> services = rows.stream().flatMap(r -> r.services().stream()).distinct().sorted().toList();
    List<String> categories = rows.stream().map(Views.IncidentRow::category).filter(c -> !c.isEmpty()).distinct().sorted().toList();
    List<String> statuses = rows.stream().map(Views.IncidentRow::status).distinct().sorted().toList();
    List<String> years = rows.stream().map(Views.IncidentRow::year).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    return Paging.pages(rows.size(), p -> new Views.IndexPage(site(p.up()), rows.subList(p.from(), p.to()), severities, services, categories,
        statuses, years, drafts, draftsIncluded, rows.size(), p.pager("index.html"), p.count() > 1 ? INDEX_ROWS : null));
  }

  /**
   * Everything an incident's page is made from, as text: the incident as read ({@code sourceKey}, a
   * digest of the files it was read from: {@code ValidationResult.sourceKeys}), its figures, the
   * titles and presence of the incidents it links to, its history and the text files it shows
   * inline; with the settings and the as-of date (in the cache's fingerprint), two builds with the
   * same inputs give the same page, so a rebuild copies the page from the cache without building
   * its view (Markdown and all).
   */
  public String pageInputs(Incident i, String sourceKey, Set<String> publishedIds, Function<String, String> titleOf) {
    IncidentFigures figures = analysis.of(i.id());
    // The configuration, the analysis date and whether briefs are written are the same for every
    // page: they are part of the cache's fingerprint (SiteRenderer), not of each page's inputs.
    StringBuilder sb = new StringBuilder(8192).append(sourceKey).append('\u0000');
    KeyText.append(sb, figures).append('\u0000');
    KeyText.append(sb, history.of(i.sourcePath()));
    java.util.stream.Stream.concat(java.util.stream.Stream.concat(i.related().stream(),
            figures.recurrence().stream().flatMap(r -> r.predecessors().stream())), figures.similar().stream().map(m -> m.id()))
        .forEach(id -> sb.append('\u0000').append(id).append(publishedIds.contains(id)).append(titleOf.apply(id)));
    i.rca().ifPresent(r -> r.evidence().forEach(e -> sb.append('\u0000').append(evidence(i, e, ref -> null).preview())));
    return sb.toString();
  }

  public Views.IncidentPage page(Incident i, Set<String> publishedIds, Function<String, String> titleOf) {
    IncidentFigures figures = analysis.of(i.id());
    Function<String, Views.Link> incidentLink = id -> new Views.Link(titleOf.apply(id) == null ? id : titleOf.apply(id),
        publishedIds.contains(id) ? "../" + id + "/" : null);
    String severityDescription = config.severities().stream().filter(s -> s.name().equals(i.severity()))
        .findFirst().flatMap(SeverityLevel::description).orElse("");
    Function<String, Views.Link> ref = r -> reference(i, r);
    return new Views.IncidentPage(site("../../"), i.id(), i.title(), i.severity(), config.severityRank(i.severity()), severityDescription, i.status().label(),
        i.services(), i.tags(), i.authors(), i.facilitator().orElse(""), facts(i),
        i.summary().map(s -> glossed(markdown.block(s))).orElse(""), impact(i.impact()),
        i.timeline().stream().map(e -> timelineItem(i, e, ref)).toList(),
        i.metrics().stream().map(m -> metric(i, m)).toList(),
        i.rca().map(r -> new Views.RcaView(r.category(), r.trigger().map(t -> glossed(markdown.block(t))).orElse(""),
            findings(r.rootCauses(), ref), findings(r.contributingFactors(), ref),
            r.evidence().stream().map((Evidence e) -> evidence(i, e, ref)).toList())).orElse(null),
        figures.actions().stream().map(this::action).toList(), DATE.format(analysis.asOf()),
        i.reviewOn().map(DATE::format).orElse(""), figures.reviewDue(),
        i.related().stream().map(incidentLink).toList(),
        glossed(markdown.block(i.narrative())),
        config.repositoryUrl().map(u -> u + i.sourcePath()).orElse(""), i.sourcePath(),
        figures.recurrence().map(r -> new Views.Recurrence(r.phrase(), r.predecessors().stream().map(incidentLink).toList())).orElse(null),
        repeatedTags(figures),
        figures.similar().stream().map(m -> new Views.Similar(incidentLink.apply(m.id()), Math.round(m.score() * 100) + " %")).toList(),
        briefs ? "../../briefs/" + i.id() + ".pdf" : "",
        revisions(i).stream().findFirst().map(Views.Revision::date).orElse(""),
        revisions(i).isEmpty() ? "" : revisions(i).get(revisions(i).size() - 1).date(),
        revisions(i).stream().limit(8).toList());
  }

  private static final int PREVIEW_LIMIT = 32 * 1024;

  /** An evidence entry, with a small text file (a query plan, SQL, a log excerpt) shown inline. */
  private static Views.EvidenceView evidence(Incident i, Evidence e, Function<String, Views.Link> ref) {
    String preview = "";
    String language = "plaintext";
    if (Reference.of(e.ref(), i).kind() == Reference.Kind.FILE && e.ref().matches("(?i).+\\.(txt|sql|log|plan|explain)")) {
      java.nio.file.Path file = i.file().getParent().resolve(e.ref()).normalize();
      try {
        if (dev.hindsight.load.Confinement.within(file, i.file().getParent()) && java.nio.file.Files.size(file) <= PREVIEW_LIMIT) {
          preview = java.nio.file.Files.readString(file);
          language = e.ref().toLowerCase(Locale.ROOT).endsWith(".log") ? "plaintext" : "sql";
        }
      } catch (java.io.IOException | java.io.UncheckedIOException ex) {
        preview = "";
      }
    }
    return new Views.EvidenceView(ref.apply(e.ref()), e.note().orElse(""), preview, language);
  }

  private List<Views.Revision> revisions(Incident i) {
    return history.of(i.sourcePath()).stream().map(r -> new Views.Revision(r.commit(),
        DATE.format(r.when().atZone(config.timeZone())), r.author(), r.message())).toList();
  }

  /** Incident pages sit two levels below the root; terms link to the glossary there. */
  private static String glossed(String html) {
    return Glossary.link(html, "../../glossary/");
  }

  /** The tags that struck the same service again within the window, besides the RCA category. */
  private static String repeatedTags(IncidentFigures figures) {
    String category = figures.recurrence().map(r -> r.key()).orElse("");
    return figures.tagRepeats().stream().map(r -> r.key()).filter(t -> !t.equals(category)).distinct().sorted()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private List<Views.Fact> facts(Incident i) {
    List<Views.Fact> facts = new ArrayList<>();
    IncidentFigures figures = analysis.of(i.id());
    facts.add(new Views.Fact("Started", DATE_TIME.format(local(i.started())), i.started().toString()));
    i.detected().ifPresent(t -> facts.add(new Views.Fact("Time to detect", Durations.human(Duration.between(i.started(), t)), t.toString())));
    i.mitigated().ifPresent(t -> facts.add(new Views.Fact("Time to mitigate", Durations.human(Duration.between(i.started(), t)), t.toString())));
    i.resolved().ifPresent(t -> facts.add(new Views.Fact("Time to resolve", Durations.human(Duration.between(i.started(), t)), t.toString())));
    i.duration().ifPresent(d -> facts.add(new Views.Fact("Duration", Durations.human(d), "")));
    figures.budget().ifPresent(b -> facts.add(new Views.Fact("Error budget burned", percent(b.percentOfBudget()), "",
        minutes(b.burnedMinutes()) + " of " + minutes(b.budgetMinutes()) + " · " + b.slo() + ", " + b.windowDays() + " days")));
    return facts;
  }

  private Views.ImpactView impact(Impact impact) {
    NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    String users = impact.usersAffected().isPresent() ? count.format(impact.usersAffected().getAsLong()) : "";
    String revenue = impact.revenueLoss().map(m -> money(m.amount(), m.currency())).orElse("");
    boolean present = impact.summary().isPresent() || !users.isEmpty() || !impact.regions().isEmpty() || !revenue.isEmpty()
        || impact.slo().isPresent() || impact.blastRadius().isPresent();
    String slo = impact.slo().map(name -> config.slo(name).map(s -> name + " (" + stripZeros(s.target()) + " % over " + s.windowDays() + " days)").orElse(name)).orElse("");
    return new Views.ImpactView(impact.summary().map(markdown::block).orElse(""), users, impact.regions(), revenue, slo,
        impact.blastRadius().map(markdown::block).orElse(""), present);
  }

  private Views.TimelineItem timelineItem(Incident i, TimelineEntry e, Function<String, Views.Link> ref) {
    ZonedDateTime at = local(e.at());
    boolean sameDay = at.toLocalDate().equals(local(i.started()).toLocalDate());
    return new Views.TimelineItem(e.id().map(id -> "timeline-" + id).orElse(""), TIME.format(at), sameDay ? "" : DATE.format(at), e.at().toString(),
        Durations.offset(Duration.between(i.started(), e.at())), e.kind().label(), ICONS.get(e.kind()),
        markdown.inline(e.event()), e.evidence().map(ref).orElse(null));
  }

  private Views.MetricView metric(Incident i, Metric m) {
    List<MetricPoint> pts = m.points();
    MetricPoint peak = pts.stream().max((a, b) -> Double.compare(a.value(), b.value())).orElse(null);
    String min = pts.stream().mapToDouble(MetricPoint::value).min().stream().mapToObj(this::number).findFirst().orElse("");
    List<Views.MetricPointRow> rows = pts.stream()
        .map(p -> {
          String[] times = DateFormats.sampleTimes(p.epochSecond(), p.nano(), p.offsetSeconds(), config.timeZone());
          return new Views.MetricPointRow(times[0], times[1], number(p.value()));
        }).toList();
    return new Views.MetricView(m.id(), m.title(), m.unit(),
        m.threshold().isPresent() ? number(m.threshold().getAsDouble()) : "", m.source().orElse(""), pts.size(), min,
        peak == null ? "" : number(peak.value()), peak == null ? "" : TIME.format(local(peak.at())),
        pts.isEmpty() ? "" : number(pts.get(0).value()), pts.isEmpty() ? "" : number(pts.get(pts.size() - 1).value()),
        rows, Sparkline.polyline(pts, m.threshold()), Sparkline.thresholdY(pts, m.threshold()), ChartData.of(i, m, config.timeZone()));
  }

  private List<Views.FindingView> findings(List<Finding> findings, Function<String, Views.Link> ref) {
    return findings.stream().map(f -> new Views.FindingView(glossed(markdown.block(f.description())), f.evidence().stream().map(ref).toList())).toList();
  }

  private Views.ActionRow action(TrackedAction t) {
    Action a = t.action();
    boolean overdue = t.state() == ActionState.OVERDUE;
    Views.Link ticket = a.ticket().map(key -> new Views.Link(key, config.ticketLink(key).orElse(null))).orElse(null);
    return new Views.ActionRow(a.id(), a.title(), a.owner(), DATE.format(a.due()), a.due().toString(), a.type().label(), a.priority().label(),
        a.status().label(), a.doneOn().map(DATE::format).orElse(""), ticket, overdue, t.state().label());
  }

  /** A link for an evidence reference: metric and timeline ids are anchors, files sit in files/. */
  private Views.Link reference(Incident i, String ref) {
    return switch (Reference.of(ref, i).kind()) {
      case URL -> new Views.Link(ref, ref);
      case METRIC -> new Views.Link(i.metrics().stream().filter(m -> m.id().equals(ref)).findFirst().orElseThrow().title(), "#metric-" + ref);
      case TIMELINE -> {
        TimelineEntry e = i.timeline().stream().filter(t -> t.id().filter(ref::equals).isPresent()).findFirst().orElseThrow();
        yield new Views.Link("timeline " + TIME.format(local(e.at())) + " (" + e.kind().label() + ")", "#timeline-" + ref);
      }
      case FILE -> new Views.Link(ref, "files/" + ref);
      case DISALLOWED_LINK, UNKNOWN -> new Views.Link(ref, null);
    };
  }

  private ZonedDateTime local(OffsetDateTime t) {
    return t.atZoneSameInstant(config.timeZone());
  }

  /** A sample value as people read it: thousands grouped, no needless trailing zeros. */
  private String number(double v) {
    String quick = quickNumber(v);
    return quick != null ? quick : slowNumber(v);
  }

  /** A number as people read it: thousands grouped, the decimals it was written with (at most six). */
  static String slowNumber(double v) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
    f.setMaximumFractionDigits(Math.max(0, Math.min(6, BigDecimal.valueOf(v).stripTrailingZeros().scale())));
    return f.format(v);
  }

  /**
   * What {@link #slowNumber} prints, for the usual case (a finite value written with at most six
   * decimals and no exponent), without a formatter per call; null otherwise. Metric samples make
   * this the most frequent call on an incident page.
   */
  static String quickNumber(double v) {
    if (!Double.isFinite(v) || v == 0 && Double.doubleToRawLongBits(v) != 0) return null;
    String s = Double.toString(Math.abs(v));
    int exp = s.indexOf('E');
    if (exp >= 0) {
      // 1.2345E9: move the point right; a negative exponent (below 0.001) is left to the formatter
      int shift = Integer.parseInt(s.substring(exp + 1));
      String digits = s.charAt(0) + s.substring(2, exp);
      if (shift < 0 || shift > 15 || digits.length() > 15) return null;
      StringBuilder plain = new StringBuilder(digits);
      while (plain.length() < shift + 1) plain.append('0');
      plain.insert(shift + 1, '.');
      s = plain.length() == shift + 2 ? plain.append('0').toString() : plain.toString();
    }
    int dot = s.indexOf('.');
    int end = s.length();
    while (end > dot + 1 && s.charAt(end - 1) == '0') end--;
    if (end - dot - 1 > 6) return null;
    StringBuilder sb = new StringBuilder(end + 8);
    if (v < 0) sb.append('-');
    for (int k = 0; k < dot; k++) {
      if (k > 0 && (dot - k) % 3 == 0) sb.append(',');
      sb.append(s.charAt(k));
    }
    if (end > dot + 1) sb.append(s, dot, end);
    return sb.toString();
  }

  /** A percentage for people: no decimals from 10 % up, one below. */
  static String percent(double p) {
    return (p >= 10 ? String.format(Locale.ENGLISH, "%,.0f", p) : String.format(Locale.ENGLISH, "%.1f", p)) + " %";
  }

  /** Minutes for people: "21.6 min", "2 h 2 min". */
  static String minutes(double m) {
    if (m < 60) return BigDecimal.valueOf(m).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " min";
    return Durations.human(Duration.ofSeconds(Math.round(m * 60)));
  }

  private static String stripZeros(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** An amount in its currency for people: "€412,000". */
  public static String money(BigDecimal amount, String currency) {
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
    try {
      f.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException e) {
      return amount.toPlainString() + " " + currency;
    }
    f.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    return f.format(amount);
  }


  /** Plain text cut at a word boundary. */
  static String shorten(String text, int max) {
    if (text.length() <= max) return text;
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > 0 ? cut : max) + "…";
  }
}
