package dev.hindsight.pdf;

import dev.hindsight.render.Glossary;
import java.util.List;

/** What the print templates receive. Fields named {@code ...Html} hold escaped HTML with footnote marks. */
public final class BriefViews {
  private BriefViews() {}

  public record Fact(String label, String value) {}

  public record ActionLine(String id, String title, String owner, String due, String type, String state, boolean overdue) {}

  public record Footnote(int number, String term, String definition) {}

  public record IncidentBrief(String siteTitle, String confidentiality, String id, String title, String severity, String status,
      String date, List<String> services, List<Fact> facts, String summaryHtml, List<Fact> impact, String blastRadiusHtml,
      String category, List<String> causesHtml, List<String> factorsHtml, String recurrence, List<String> mitigationHtml,
      List<ActionLine> actions, String reviewOn, String chartSvg, String chartTitle, List<Footnote> footnotes, String pageUrl,
      String asOf, String generator) {}

  public record Line(String label, String value, String previous) {}

  public record NotableIncident(String date, String severity, String title, String duration, String url) {}

  public record OwnerActions(String owner, int overdue, String oldest) {}

  public record PeriodBrief(String siteTitle, String confidentiality, String period, String previousPeriod, String range,
      List<Line> counts, List<Line> severities, String trendSvg, List<Fact> budgets, List<Fact> causes, List<NotableIncident> notable,
      List<OwnerActions> overdueByOwner, List<NotableIncident> reviewsDue, String asOf, String generator,
      int notableMore, int ownersMore, int reviewsMore) {}

  static Footnote footnote(Glossary.Term t, int n) {
    return new Footnote(n, t.name(), t.definition());
  }
}
