package dev.hindsight.analyze;

import dev.hindsight.model.Action;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An action with its incident and its state as of the analysis date.
 *
 * @param teams the configured teams the owner is or belongs to (empty when unknown)
 * @param daysOverdue days past the due date for overdue actions, else 0
 */
public record TrackedAction(String incidentId, String incidentTitle, String severity, Action action, ActionState state, List<String> teams,
    long daysOverdue) {
  /** Overdue first (most overdue on top), then by state, due date, incident and action id. */
  public static final Comparator<TrackedAction> REVIEW_ORDER = Comparator
      .comparing(TrackedAction::state)
      .thenComparing(t -> -t.daysOverdue())
      .thenComparing(t -> t.action().due())
      .thenComparing(TrackedAction::incidentId)
      .thenComparing(t -> t.action().id());

  public TrackedAction {
    Objects.requireNonNull(incidentId);
    Objects.requireNonNull(action);
    Objects.requireNonNull(state);
    teams = List.copyOf(teams);
  }
}
