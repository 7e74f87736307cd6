package dev.hindsight.analyze;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole analysis of a corpus as of a date: one immutable result that the site, the briefs and
 * the JSON exports all read, so they never disagree.
 *
 * @param incidents per-incident figures, keyed by id
 * @param actions every action, overdue first ({@link TrackedAction#REVIEW_ORDER})
 * @param byOwner the same actions grouped by owner (owners sorted)
 * @param byTeam the same actions grouped by configured team ("(no team)" for unknown owners)
 * @param reviewsDue ids of incidents whose follow-up review date has passed with actions pending
 */
public record Analysis(
    LocalDate asOf,
    Map<String, IncidentFigures> incidents,
    List<Recurrence.Chain> recurrenceChains,
    List<Recurrence.Chain> tagChains,
    List<PeriodTrend> monthly,
    List<PeriodTrend> quarterly,
    List<TrackedAction> actions,
    Map<String, List<TrackedAction>> byOwner,
    Map<String, List<TrackedAction>> byTeam,
    List<String> reviewsDue) {
  public static final String NO_TEAM = "(no team)";

  public Analysis {
    Objects.requireNonNull(asOf);
    incidents = Map.copyOf(incidents);
    recurrenceChains = List.copyOf(recurrenceChains);
    tagChains = List.copyOf(tagChains);
    monthly = List.copyOf(monthly);
    quarterly = List.copyOf(quarterly);
    actions = List.copyOf(actions);
    byOwner = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byOwner));
    byTeam = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byTeam));
    reviewsDue = List.copyOf(reviewsDue);
  }

  public IncidentFigures of(String id) {
    IncidentFigures f = incidents.get(id);
    if (f == null) throw new IllegalArgumentException("no analysis for incident " + id);
    return f;
  }
}
