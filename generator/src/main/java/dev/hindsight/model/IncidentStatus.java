package dev.hindsight.model;

/** Where a post-mortem write-up stands. Drafts are left out of builds unless asked for. */
public enum IncidentStatus implements Labelled {
  DRAFT,
  REVIEW,
  PUBLISHED
}
