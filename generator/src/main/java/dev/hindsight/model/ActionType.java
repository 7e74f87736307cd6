package dev.hindsight.model;

/** What an action is for: stop it now, stop it recurring, see it sooner, or change how we work. */
public enum ActionType implements Labelled {
  MITIGATE,
  PREVENT,
  DETECT,
  PROCESS
}
