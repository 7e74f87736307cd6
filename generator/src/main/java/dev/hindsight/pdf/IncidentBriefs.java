package dev.hindsight.pdf;

import static dev.hindsight.render.DateFormats.DATE;
import static dev.hindsight.render.DateFormats.DATE_TIME;
import static dev.hindsight.render.DateFormats.TIME;

import dev.hindsight.analyze.ActionState;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Metric;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.TimelineKind;
import dev.hindsight.render.Durations;
import dev.hindsight.render.Glossary;
import dev.hindsight.render.MarkdownRenderer;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prepares the view of one incident's executive brief: plain words, numbers, the plan. */
final class IncidentBriefs {
  private final SiteConfig config;
  private final MarkdownRenderer markdown;
  private final String version;

  IncidentBriefs(SiteConfig config, MarkdownRenderer markdown, String version) {
    this.config = config;
    this.markdown = markdown;
    this.version = version;
  }

  BriefViews.IncidentBrief brief(Incident i, Analysis analysis) {
    IncidentFigures f = analysis.of(i.id());
    Map<Glossary.Term, Integer> terms = new LinkedHashMap<>();
    List<BriefViews.Fact> facts = new ArrayList<>();
    f.timeToDetect().ifPresent(d -> facts.add(new BriefViews.Fact("Time to detect", Durations.human(d))));
    f.timeToMitigate().ifPresent(d -> facts.add(new BriefViews.Fact("Time to mitigate", Durations.human(d))));
    f.timeToResolve().ifPresent(d -> facts.add(new BriefViews.Fact("Time to resolve", Durations.human(d))));
    f.duration().ifPresent(d -> facts.add(new BriefViews.Fact("Duration", Durations.human(d))));

    String summary = Glossary.footnoted(plain(i.summary().orElse("No summary yet.")), terms);
    List<BriefViews.Fact> impact = new ArrayList<>();
    i.impact().usersAffected().ifPresent(u -> impact.add(new BriefViews.Fact("Users affected", NumberFormat.getIntegerInstance(Locale.ENGLISH).format(u))));
    if (!i.impact().regions().isEmpty()) impact.add(new BriefViews.Fact("Regions", String.join(", ", i.impact().regions())));
    i.impact().revenueLoss().ifPresent(m -> impact.add(new BriefViews.Fact("Revenue lost (est.)", dev.hindsight.render.IncidentViews.money(m.amount(), m.currency()))));
    f.budget().ifPresent(b -> impact.add(new BriefViews.Fact("Error budget burned",
        String.format(Locale.ENGLISH, "%,.0f %% of %s", b.percentOfBudget(), b.slo()))));
    String blast = i.impact().blastRadius().map(b -> Glossary.footnoted(plain(b), terms)).orElse("");

    List<String> causes = i.rca().map(r -> r.rootCauses().stream().limit(3).map(Finding::description)
        .map(d -> Glossary.footnoted(firstSentences(plain(d), 2), terms)).toList()).orElse(List.of());
    List<String> factors = i.rca().map(r -> r.contributingFactors().stream().limit(3).map(Finding::description)
        .map(d -> Glossary.footnoted(firstSentences(plain(d), 1), terms)).toList()).orElse(List.of());
    List<String> mitigation = i.timeline().stream().filter(e -> e.kind() == TimelineKind.MITIGATION)
        .map(e -> TIME.format(e.at().atZoneSameInstant(config.timeZone())) + " " + Glossary.footnoted(plain(e.event()), terms)).toList();

    List<BriefViews.ActionLine> actions = f.actions().stream()
        .sorted(Comparator.comparing((TrackedAction t) -> t.state()).thenComparing(t -> t.action().due()))
        .map(t -> new BriefViews.ActionLine(t.action().id(), t.action().title(), t.action().owner(), DATE.format(t.action().due()),
            t.action().type().label(), t.state().label().replace('-', ' '), t.state() == ActionState.OVERDUE)).toList();

    Optional<Metric> key = i.metrics().stream().filter(m -> m.threshold().isPresent()).findFirst().or(() -> i.metrics().stream().findFirst());
    List<BriefViews.Footnote> footnotes = new ArrayList<>();
    terms.forEach((t, n) -> footnotes.add(BriefViews.footnote(t, n)));
    return new BriefViews.IncidentBrief(config.title(), config.confidentiality(), i.id(), i.title(), i.severity(), i.status().label(),
        DATE_TIME.format(i.started().atZoneSameInstant(config.timeZone())), i.services(), facts, summary, impact, blast,
        i.rca().map(r -> r.category()).orElse(""), causes, factors, f.recurrence().map(r -> r.phrase()).orElse(""), mitigation, actions,
        i.reviewOn().map(DATE::format).orElse(""), key.map(m -> SvgChart.of(i, m, config.timeZone())).orElse(""),
        key.map(m -> m.title() + " (" + m.unit() + ")").orElse(""), footnotes,
        config.baseUrl().map(u -> u + "incidents/" + i.id() + "/").orElse(""), DATE.format(analysis.asOf()), "Hindsight " + version);
  }

  private String plain(String markdownText) {
    return markdown.plain(markdownText);
  }

  /** The first {@code n} sentences: briefs are short. */
  static String firstSentences(String text, int n) {
    int end = 0;
    for (int k = 0; k < n; k++) {
      int dot = text.indexOf(". ", end);
      if (dot < 0) return text;
      end = dot + 1;
    }
    return text.substring(0, end);
  }

  static String duration(Optional<Duration> d) {
    return d.map(Durations::human).orElse("–");
  }
}
