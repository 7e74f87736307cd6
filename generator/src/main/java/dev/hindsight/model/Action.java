package dev.hindsight.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One item of the action plan: every action has an owner and a due date. */
public record Action(
    String id, String title, String owner, LocalDate due, ActionType type, Priority priority, ActionStatus status,
    Optional<LocalDate> doneOn, Optional<String> ticket) {
  public Action {
    Objects.requireNonNull(id);
    Objects.requireNonNull(title);
    Objects.requireNonNull(owner);
    Objects.requireNonNull(due);
    Objects.requireNonNull(type);
    Objects.requireNonNull(priority);
    Objects.requireNonNull(status);
    Objects.requireNonNull(doneOn);
    Objects.requireNonNull(ticket);
  }
}
