package dev.hindsight.pdf;

import static dev.hindsight.render.DateFormats.DATE;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Metric;
import dev.hindsight.model.MetricPoint;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.render.Durations;
import dev.hindsight.render.MarkdownRenderer;
import dev.hindsight.render.TemplateSet;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review meeting pack for a post-mortem's facilitator: an agenda that follows the blameless
 * structure, filled from the incident file, with the open questions the lints found and prompts
 * that steer the conversation from people to system conditions. Written as HTML and as PDF.
 */
public final class Agendas {
  /** The view of the agenda template. */
  public record Agenda(String siteTitle, String confidentiality, String id, String title, String severity, String date, String duration,
      String impact, List<List<String>> timeline, List<Chart> charts, List<String> causes, List<String> factors, List<String> questions,
      List<BriefViews.ActionLine> actions, String reviewOn, List<String> prompts, String asOf) {}

  /** A metric to look at together, with its chart. */
  public record Chart(String title, String facts, String svg) {}

  /** Facilitation prompts that move the conversation from who to what. */
  static final List<String> PROMPTS = List.of(
      "When someone says \"X should have…\", ask: what made that the reasonable choice with what we knew then?",
      "When a name comes up as a cause, ask: what did the system allow, and what would have caught it?",
      "Ask \"how\" and \"what\" rather than \"why did you\": how did we find out? what did the dashboards show?",
      "Look for the second story: the pressures, defaults and missing signals behind each decision.",
      "Before agreeing an action, ask: which metric or check will tell us it worked?",
      "Close by thanking the responders and naming what went well.");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  private final TemplateSet templates;
  private final PdfWriter writer;
  private final SiteConfig config;
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  public Agendas(TemplateSet templates, SiteConfig config) {
    this.templates = templates;
    this.writer = new PdfWriter(templates);
    this.config = config;
  }

  /** The agenda of {@code i}; {@code problems} are the diagnostics of its file, turned into open questions. */
  public Agenda agenda(Incident i, Analysis analysis, List<Diagnostic> problems) {
    IncidentFigures f = analysis.of(i.id());
    List<List<String>> timeline = i.timeline().stream()
        .map(e -> List.of(TIME.format(e.at().atZoneSameInstant(config.timeZone())), e.kind().label(), plain(e.event()))).toList();
    List<Chart> charts = i.metrics().stream().map(m -> new Chart(m.title() + " (" + m.unit() + ")", facts(m), SvgChart.of(i, m, config.timeZone()))).toList();
    List<String> questions = new ArrayList<>();
    problems.forEach(d -> questions.add(d.message() + " (line " + d.location().line() + ")"));
    if (i.rca().isEmpty()) questions.add("There is no root cause analysis yet: what conditions allowed this?");
    if (i.actions().isEmpty()) questions.add("There is no action yet: what would stop this recurring, or show it sooner?");
    List<BriefViews.ActionLine> actions = f.actions().stream().map(t -> new BriefViews.ActionLine(t.action().id(), t.action().title(),
        t.action().owner(), DATE.format(t.action().due()), t.action().type().label(), t.state().label().replace('-', ' '),
        t.state() == dev.hindsight.analyze.ActionState.OVERDUE)).toList();
    String impact = i.impact().summary().map(this::plain).orElse("")
        + i.impact().usersAffected().stream().mapToObj(u -> " About " + String.format(Locale.ENGLISH, "%,d", u) + " users were affected.").findFirst().orElse("");
    return new Agenda(config.title(), config.confidentiality(), i.id(), i.title(), i.severity(),
        DATE.format(i.started().atZoneSameInstant(config.timeZone())), f.duration().map(Durations::human).orElse("ongoing"), impact.strip(),
        timeline, charts,
        i.rca().map(r -> r.rootCauses().stream().map(Finding::description).map(this::plain).toList()).orElse(List.of()),
        i.rca().map(r -> r.contributingFactors().stream().map(Finding::description).map(this::plain).toList()).orElse(List.of()),
        questions, actions, i.reviewOn().map(DATE::format).orElse(""), PROMPTS, DATE.format(analysis.asOf()));
  }

  public String html(Agenda agenda) throws IOException {
    try {
      StringWriter out = new StringWriter();
      templates.template("agenda.ftlh").process(Map.of("page", agenda), out);
      return out.toString();
    } catch (freemarker.template.TemplateException e) {
      throw new IOException("agenda template failed: " + e.getMessageWithoutStackTop(), e);
    }
  }

  public byte[] pdf(Agenda agenda, java.time.LocalDate date) throws IOException {
    return writer.write("agenda.ftlh", agenda, "agenda-" + agenda.id(), date);
  }

  private String facts(Metric m) {
    double max = m.points().stream().mapToDouble(MetricPoint::value).max().orElse(0);
    String span = m.points().size() < 2 ? "" : ", over " + Durations.human(Duration.between(m.points().get(0).at(), m.points().get(m.points().size() - 1).at()));
    return m.points().size() + " samples" + span + "; peak " + SvgChart.format(max) + " " + m.unit()
        + (m.threshold().isPresent() ? "; threshold " + SvgChart.format(m.threshold().getAsDouble()) + " " + m.unit() : "");
  }

  private String plain(String md) {
    return markdown.plain(md);
  }
}
