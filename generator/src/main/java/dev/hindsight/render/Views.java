package dev.hindsight.render;

import java.util.List;

/**
 * The typed data the templates receive. Everything is already formatted for display; templates do
 * no arithmetic and no I/O. Fields named {@code ...Html} hold sanitised HTML from Markdown;
 * every other string is plain text that the templates escape.
 */
public final class Views {
  private Views() {}

  /** Site-wide values every page shows. {@code root} is the relative path to the site root. */
  public record Site(String title, String confidentiality, String root, String timeZone, String version) {
    /** The same for a page {@code up} below (a way up such as {@code "../../"}, or ""). */
    public Site below(String up) {
      return up.isEmpty() ? this : new Site(title, confidentiality, up + root, timeZone, version);
    }
  }

  /** One row of the incident index. */
  public record IncidentRow(
      String id, String url, String title, String severity, int severityRank, String status, List<String> services,
      String started, String startedIso, String duration, String category, String summaryText, String year, long durationMinutes) {}

  /**
   * One page of the index, with the values each filter offers. A long index is cut into pages of
   * {@link Paging#SIZE} rows: then {@code pager} says where this page stands and
   * {@code rowsUrl} (from the site root) names every row's data, which the filters search; both are
   * null when one page holds every row.
   */
  public record IndexPage(Site site, List<IncidentRow> incidents, List<String> severities, List<String> services, List<String> categories,
      List<String> statuses, List<String> years, int drafts, boolean draftsIncluded, int total, Pager pager, String rowsUrl) {}

  /**
   * Where a page stands among the pages of one long list: its number, the rows it shows
   * ({@code from} to {@code to} of {@code total}, counted from 1), and links relative to it (null
   * where there is no such page).
   */
  public record Pager(int number, int count, int from, int to, int total, String previous, String next, List<PageLink> pages) {}

  /** A link in a pager: a page's number, or a gap ("…", no link); {@code current} marks the page itself. */
  public record PageLink(String text, String href, boolean current) {}

  /** A labelled value for the facts box ("Time to detect" → "14 min"), with an optional note. */
  public record Fact(String label, String value, String iso, String note) {
    public Fact(String label, String value, String iso) {
      this(label, value, iso, "");
    }
  }

  public record TimelineItem(String anchor, String time, String date, String iso, String offset, String kind, String icon, String eventHtml, Link evidence) {}

  /** A link, or plain text when {@code href} is null. */
  public record Link(String text, String href) {}

  public record MetricPointRow(String time, String iso, String value) {}

  public record MetricView(
      String id, String title, String unit, String threshold, String source, int samples, String min, String max, String peakAt,
      String first, String last, List<MetricPointRow> points, String sparkline, String thresholdLine, String chartJson) {}

  public record FindingView(String descriptionHtml, List<Link> evidence) {}

  /** An evidence entry; {@code preview} holds a text file's content (query plans, SQL, logs) to show inline. */
  public record EvidenceView(Link ref, String note, String preview, String language) {}

  public record RcaView(String category, String triggerHtml, List<FindingView> rootCauses, List<FindingView> contributingFactors,
      List<EvidenceView> evidence) {}

  /**
   * An action row; {@code state} is the analysed state as of the build date (overdue, open,
   * in-progress, done-late, done, wont-do).
   */
  public record ActionRow(String id, String title, String owner, String due, String dueIso, String type, String priority, String status,
      String doneOn, Link ticket, boolean overdue, String state) {}

  /** "3rd deadlock on orders-db in 90 days", with links to the earlier incidents. */
  public record Recurrence(String text, List<Link> earlier) {}

  /** A similar incident found by text, with its score as a percentage. */
  public record Similar(Link link, String score) {}

  public record ImpactView(String summaryHtml, String usersAffected, List<String> regions, String revenueLoss, String slo,
      String blastRadiusHtml, boolean present) {}

  public record IncidentPage(
      Site site, String id, String title, String severity, int severityRank, String severityDescription, String status, List<String> services,
      List<String> tags, List<String> authors, String facilitator, List<Fact> facts, String summaryHtml, ImpactView impact,
      List<TimelineItem> timeline, List<MetricView> metrics, RcaView rca, List<ActionRow> actions, String asOf, String reviewOn,
      boolean reviewDue, List<Link> related, String narrativeHtml, String editUrl, String sourcePath, Recurrence recurrence,
      String repeatedTags, List<Similar> similar, String briefUrl, String lastUpdated, String firstCommitted, List<Revision> revisions) {}

  /** One commit that changed the incident's file. */
  public record Revision(String commit, String date, String author, String message) {}

  /** An action in a cross-incident list, with its incident. */
  public record ActionItem(String incidentId, String incidentTitle, String incidentUrl, String severity, String id, String title,
      String owner, String due, String dueIso, String type, String priority, String state, long daysOverdue, boolean overdue, Link ticket) {}

  /**
   * A named group of incidents: one service, RCA category, tag or team. A group of more than
   * {@link Paging#SIZE} incidents has pages of that many ({@code page/2/} ... under its
   * own), each with a {@code pager}; the open actions are on the first. {@code total} counts all
   * the group's incidents; {@code pager} is null when one page holds them.
   */
  public record GroupPage(Site site, String kind, String kindPlural, String name, String description, List<IncidentRow> incidents,
      List<ActionItem> openActions, List<Fact> facts, int total, Pager pager) {}

  /** A link to a group with the number of incidents in it. */
  public record GroupLink(String name, String url, int incidents, int openActions) {}

  /** Every group of one kind, for the browse page. */
  public record GroupSection(String kind, String anchor, List<GroupLink> groups) {}

  public record BrowsePage(Site site, List<GroupSection> sections) {}

  /**
   * A page of the actions list. The list holds every pending action and the latest done ones
   * ({@code doneNotListed} counts the rest), {@code listed} in all, cut into pages of 100: this
   * page's are in {@code actions}, and {@code pager} (null when one page holds them all) links the
   * others. The counts, the reviews due ({@code reviewsNotListed} more than shown) and the tables by
   * team and owner are on the first page only (empty on the others).
   */
  public record ActionsPage(Site site, String asOf, List<Fact> counts, List<ActionItem> actions, List<OwnerLine> byOwner,
      List<OwnerLine> byTeam, List<ReviewDue> reviewsDue, int doneNotListed, int listed, int reviewsNotListed, Pager pager) {}

  public record OwnerLine(String name, String url, String calendar, int overdue, int open, int done, int total) {}

  public record ReviewDue(Link incident, String reviewOn, int pending) {}

  /** One chart of the trends page: Chart.js-ready data in JSON, and the same as a table. */
  public record TrendChart(String id, String title, String description, String json, List<String> columns, List<List<String>> rows) {}

  public record TrendsPage(Site site, List<TrendChart> charts, List<List<String>> chains, List<List<String>> topServices, List<Link> periodBriefs) {}

  public record GlossaryPage(Site site, List<Glossary.Term> terms) {}
}
