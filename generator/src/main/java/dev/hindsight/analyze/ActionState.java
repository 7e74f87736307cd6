package dev.hindsight.analyze;

import dev.hindsight.model.Action;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Labelled;
import java.time.LocalDate;

/** Where an action stands as of a date: what a follow-up review needs to know. */
public enum ActionState implements Labelled {
  OVERDUE,
  OPEN,
  IN_PROGRESS,
  DONE_LATE,
  DONE,
  WONT_DO;

  /** Past due and not done is overdue; done after the due date is done late. */
  public static ActionState of(Action a, LocalDate asOf) {
    if (a.status() == ActionStatus.WONT_DO) return WONT_DO;
    if (a.status() == ActionStatus.DONE) {
      return a.doneOn().filter(d -> d.isAfter(a.due())).isPresent() ? DONE_LATE : DONE;
    }
    if (a.due().isBefore(asOf)) return OVERDUE;
    return a.status() == ActionStatus.IN_PROGRESS ? IN_PROGRESS : OPEN;
  }

  public boolean isPending() {
    return this == OVERDUE || this == OPEN || this == IN_PROGRESS;
  }
}
