package dev.hindsight.render;

import dev.hindsight.analyze.ActionState;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Slugs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The views of the pages that cut across incidents: one page per service, RCA category, tag and
 * team, the browse page that lists them, and the actions dashboard.
 */
final class SectionViews {
  /** A kind of group: how to name it, where its pages live and which incidents belong to it. */
  record Kind(String singular, String plural, String folder, Function<Incident, List<String>> keys) {}

  static final List<Kind> KINDS = List.of(
      new Kind("Service", "Services", "services", Incident::services),
      new Kind("RCA category", "RCA categories", "categories", i -> i.rca().map(r -> List.of(r.category())).orElse(List.of())),
      new Kind("Tag", "Tags", "tags", Incident::tags));

  private final SiteConfig config;
  private final Analysis analysis;
  private final IncidentViews views;
  /** Per folder (services, categories, tags, teams, and the owners' calendars), a slug for every name. */
  private final Map<String, Slugs> slugs = new HashMap<>();

  /** Each incident's follow-up review date, by id, where it has one. */
  private final Map<String, java.time.LocalDate> reviewOn = new HashMap<>();

  SectionViews(SiteConfig config, Analysis analysis, IncidentViews views, List<Incident> incidents) {
    this.config = config;
    this.analysis = analysis;
    this.views = views;
    incidents.forEach(i -> i.reviewOn().ifPresent(d -> reviewOn.put(i.id(), d)));
    for (Kind kind : KINDS) {
      Set<String> names = new HashSet<>();
      incidents.forEach(i -> names.addAll(kind.keys().apply(i)));
      slugs.put(kind.folder(), Slugs.unique(names, kind.folder().substring(0, 1)));
    }
    Set<String> teams = new HashSet<>(analysis.byTeam().keySet());
    config.teams().forEach(t -> teams.add(t.name()));
    slugs.put("teams", Slugs.unique(teams, "team"));
    slugs.put("owners", Slugs.unique(analysis.byOwner().keySet(), "owner"));
  }

  /** The URL path of a group page, relative to the site root. */
  String groupUrl(String folder, String name) {
    return folder + "/" + slugs.get(folder).get(name) + "/";
  }

  /** The calendar file of an owner's or a team's open actions, relative to the site root. */
  String calendarUrl(String folder, String name) {
    return "calendar/" + (folder.equals("owners") ? "owner-" : "team-") + slugs.get(folder).get(name) + ".ics";
  }

  /** Every group page of every kind, keyed by its URL path; their views are made on every core. */
  Map<String, Views.GroupPage> groups(List<Incident> incidents) {
    // An action is on the page of each group of its incident (half a dozen): its item is made once.
    Map<TrackedAction, Views.ActionItem> items = new java.util.IdentityHashMap<>();
    List<TrackedAction> all = analysis.actions();
    List<Views.ActionItem> made = all.parallelStream().map(this::item).toList();
    for (int k = 0; k < all.size(); k++) items.put(all.get(k), made.get(k));
    Function<List<TrackedAction>, List<Views.ActionItem>> itemsOf = open -> open.stream().map(t -> {
      Views.ActionItem item = items.get(t);
      return item != null ? item : item(t);
    }).toList();
    List<String> urls = new ArrayList<>();
    List<java.util.function.Supplier<Views.GroupPage>> makers = new ArrayList<>();
    for (Kind kind : KINDS) {
      Map<String, List<Incident>> members = new TreeMap<>();
      for (Incident i : incidents) for (String key : kind.keys().apply(i)) members.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      members.forEach((name, list) -> {
        urls.add(groupUrl(kind.folder(), name));
        makers.add(() -> page(kind.singular(), kind.plural(), name, "", list, itemsOf.apply(list.stream()
            .flatMap(i -> analysis.of(i.id()).actions().stream()).filter(t -> t.state().isPending()).sorted(TrackedAction.REVIEW_ORDER).toList())));
      });
    }
    for (var team : config.teams()) {
      urls.add(groupUrl("teams", team.name()));
      makers.add(() -> {
        List<TrackedAction> actions = analysis.byTeam().getOrDefault(team.name(), List.of());
        java.util.Set<String> ids = actions.stream().map(TrackedAction::incidentId).collect(java.util.stream.Collectors.toSet());
        List<Incident> list = incidents.stream().filter(i -> ids.contains(i.id())).toList();
        String members = team.members().isEmpty() ? "" : "Members: " + String.join(", ", team.members()) + ".";
        return page("Team", "Teams", team.name(), members, list, itemsOf.apply(actions.stream().filter(t -> t.state().isPending()).toList()));
      });
    }
    List<Views.GroupPage> built = makers.parallelStream().map(java.util.function.Supplier::get).toList();
    Map<String, Views.GroupPage> pages = new LinkedHashMap<>();
    for (int k = 0; k < urls.size(); k++) pages.put(urls.get(k), built.get(k));
    return pages;
  }

  private Views.GroupPage page(String kind, String plural, String name, String description, List<Incident> incidents,
      List<Views.ActionItem> open) {
    long overdue = open.stream().filter(Views.ActionItem::overdue).count();
    List<Views.Fact> facts = List.of(
        new Views.Fact("Incidents", String.valueOf(incidents.size()), ""),
        new Views.Fact("Open actions", String.valueOf(open.size()), ""),
        new Views.Fact("Overdue", String.valueOf(overdue), ""));
    return new Views.GroupPage(views.site("../../"), kind, plural, name, description, incidents.stream().map(views::row).toList(), open, facts,
        incidents.size(), null);
  }

  /** A group's pages, by their folder under the group's ({@link Paging}); the open actions are on the first. */
  static Map<String, Views.GroupPage> pagesOf(Views.GroupPage g) {
    return Paging.pages(g.incidents().size(), p -> new Views.GroupPage(g.site().below(p.up()), g.kind(), g.kindPlural(), g.name(),
        g.description(), g.incidents().subList(p.from(), p.to()), p.n() == 1 ? g.openActions() : List.of(), g.facts(), g.total(), p.pager("")));
  }

  Views.BrowsePage browse(Map<String, Views.GroupPage> groups) {
    Map<String, List<Views.GroupLink>> byKind = new LinkedHashMap<>();
    groups.forEach((url, g) -> byKind.computeIfAbsent(g.kindPlural(), k -> new ArrayList<>())
        .add(new Views.GroupLink(g.name(), url, g.incidents().size(), g.openActions().size())));
    List<Views.GroupSection> sections = new ArrayList<>();
    byKind.forEach((kind, links) -> sections.add(new Views.GroupSection(kind, Slugs.of(kind, "kind"), links)));
    return new Views.BrowsePage(views.site("../"), sections);
  }

  Views.ActionsPage actions() {
    Map<ActionState, Integer> counts = new LinkedHashMap<>();
    for (ActionState s : ActionState.values()) counts.put(s, 0);
    analysis.actions().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    List<Views.Fact> facts = new ArrayList<>();
    counts.forEach((state, n) -> facts.add(new Views.Fact(state.label().replace('-', ' '), String.valueOf(n), "")));
    List<Views.OwnerLine> owners = new ArrayList<>();
    analysis.byOwner().forEach((owner, list) -> owners.add(line(owner, null, "../" + calendarUrl("owners", owner), list)));
    List<Views.OwnerLine> teams = new ArrayList<>();
    analysis.byTeam().forEach((team, list) -> teams.add(team.equals(Analysis.NO_TEAM) ? line(team, null, null, list)
        : line(team, "../" + groupUrl("teams", team), "../" + calendarUrl("teams", team), list)));
    List<Views.ReviewDue> reviews = new ArrayList<>();
    for (String id : reviewsDue().subList(0, Math.min(REVIEWS_LISTED, analysis.reviewsDue().size()))) {
      var f = analysis.of(id);
      TrackedAction any = f.actions().get(0);
      java.time.LocalDate due = reviewOn.get(id);
      reviews.add(new Views.ReviewDue(new Views.Link(any.incidentTitle(), "../incidents/" + id + "/"), due == null ? "" : DateFormats.DATE.format(due),
          (int) f.actions().stream().filter(t -> t.state().isPending()).count()));
    }
    List<TrackedAction> listed = listedActions(analysis.actions());
    return new Views.ActionsPage(views.site("../"), DateFormats.DATE.format(analysis.asOf()), facts,
        listed.stream().map(this::item).toList(), owners, teams, reviews, analysis.actions().size() - listed.size(), listed.size(),
        analysis.reviewsDue().size() - reviews.size(), null);
  }

  /**
   * Reviews due listed on the actions page: those due longest. At 10,000 incidents
   * (the synthetic corpus leaves most actions open) 4,700 reviews were due; the calendar has every
   * review date.
   */
  static final int REVIEWS_LISTED = 100;

  /** The incidents whose review is due, due longest first (by review date, then id). */
  List<String> reviewsDue() {
    return analysis.reviewsDue().stream()
        .sorted(java.util.Comparator.comparing((String id) -> reviewOn.getOrDefault(id, java.time.LocalDate.MIN)).thenComparing(id -> id))
        .toList();
  }

  /**
   * The actions page's pages, by their folder under {@code actions/} ({@link Paging}): the list of
   * actions cut into pages of 100, the counts, reviews and tables by team and owner on the first.
   * At 10,000 incidents the one page was 7.4 MB, with 12,300 rows.
   */
  static Map<String, Views.ActionsPage> pagesOf(Views.ActionsPage a) {
    return Paging.pages(a.actions().size(), p -> {
      boolean first = p.n() == 1;
      return new Views.ActionsPage(a.site().below(p.up()), a.asOf(), a.counts(), a.actions().subList(p.from(), p.to()),
          first ? a.byOwner() : List.of(), first ? a.byTeam() : List.of(), first ? a.reviewsDue() : List.of(), a.doneNotListed(),
          a.listed(), a.reviewsNotListed(), p.pager(""));
    });
  }

  /** Done actions listed on the actions page: the most recently done; every open one is listed. */
  static final int DONE_LISTED = 200;

  /**
   * The actions page's table: every pending action and the {@value #DONE_LISTED} done last, in the
   * analysis's order (overdue first). At 10,000 incidents the table of every action ran to 40,000
   * rows and 21 MB, mostly history; the incident pages and actions.csv keep all of them.
   */
  static List<TrackedAction> listedActions(List<TrackedAction> all) {
    List<TrackedAction> done = all.stream().filter(t -> !t.state().isPending()).toList();
    if (done.size() <= DONE_LISTED) return all;
    java.util.Set<TrackedAction> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    done.stream().sorted(java.util.Comparator.comparing((TrackedAction t) -> t.action().doneOn().orElse(t.action().due())).reversed())
        .limit(DONE_LISTED).forEach(kept::add);
    return all.stream().filter(t -> t.state().isPending() || kept.contains(t)).toList();
  }

  private static Views.OwnerLine line(String name, String url, String calendar, List<TrackedAction> list) {
    int overdue = (int) list.stream().filter(t -> t.state() == ActionState.OVERDUE).count();
    int open = (int) list.stream().filter(t -> t.state().isPending()).count();
    int done = (int) list.stream().filter(t -> t.state() == ActionState.DONE || t.state() == ActionState.DONE_LATE).count();
    return new Views.OwnerLine(name, url, calendar, overdue, open, done, list.size());
  }

  Views.ActionItem item(TrackedAction t) {
    var a = t.action();
    Views.Link ticket = a.ticket().map(k -> new Views.Link(k, config.ticketLink(k).orElse(null))).orElse(null);
    return new Views.ActionItem(t.incidentId(), t.incidentTitle(), "incidents/" + t.incidentId() + "/", t.severity(), a.id(), a.title(),
        a.owner(), DateFormats.DATE.format(a.due()), a.due().toString(), a.type().label(), a.priority().label(),
        t.state().label(), t.daysOverdue(), t.state() == ActionState.OVERDUE, ticket);
  }
}
