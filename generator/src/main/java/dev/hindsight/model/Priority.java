package dev.hindsight.model;

/** Action priority, P1 highest. */
public enum Priority implements Labelled {
  P1,
  P2,
  P3;

  @Override
  public String label() {
    return name();
  }
}
