package dev.hindsight.model;

/** What kind of moment a timeline entry records. */
public enum TimelineKind implements Labelled {
  CAUSE,
  DETECTION,
  ESCALATION,
  ACTION,
  COMMUNICATION,
  MITIGATION,
  RESOLUTION
}
