package dev.hindsight.analyze;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of one incident: response times, error budget burned, its actions' states, its
 * place in a recurrence, repeated tags and similar incidents.
 *
 * @param reviewDue the follow-up review date has passed while actions are still pending
 */
public record IncidentFigures(
    String id,
    Optional<Duration> timeToDetect,
    Optional<Duration> timeToMitigate,
    Optional<Duration> timeToResolve,
    Optional<Duration> duration,
    Optional<BudgetBurn> budget,
    List<TrackedAction> actions,
    Optional<Recurrence.Place> recurrence,
    List<Recurrence.Place> tagRepeats,
    List<Similarity.Match> similar,
    boolean reviewDue) {
  public IncidentFigures {
    Objects.requireNonNull(id);
    actions = List.copyOf(actions);
    tagRepeats = List.copyOf(tagRepeats);
    similar = List.copyOf(similar);
  }

  public long overdueActions() {
    return actions.stream().filter(a -> a.state() == ActionState.OVERDUE).count();
  }
}
