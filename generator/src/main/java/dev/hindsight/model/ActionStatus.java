package dev.hindsight.model;

/** Where an action stands. */
public enum ActionStatus implements Labelled {
  OPEN,
  IN_PROGRESS,
  DONE,
  WONT_DO;

  /** Whether the action still needs work. */
  public boolean isPending() {
    return this == OPEN || this == IN_PROGRESS;
  }
}
