package dev.hindsight.model;

import java.util.List;
import java.util.Objects;

/** A phrase that assigns individual fault, and how to reframe it towards the system. */
public record BlamePhrase(String phrase, String hint) {
  public BlamePhrase {
    Objects.requireNonNull(phrase);
    Objects.requireNonNull(hint);
  }

  /** The built-in list; {@code blame_phrases} in hindsight.yaml replaces it. */
  public static final List<BlamePhrase> DEFAULTS = List.of(
      new BlamePhrase("human error", "name the condition that made the slip possible: a missing guardrail, an unclear procedure, no review step"),
      new BlamePhrase("operator error", "name the condition that made the slip possible: a missing guardrail, an unclear procedure, no review step"),
      new BlamePhrase("careless", "describe what the system allowed, e.g. \"the console let a production command run without confirmation\""),
      new BlamePhrase("carelessly", "describe what the system allowed, e.g. \"the console let a production command run without confirmation\""),
      new BlamePhrase("negligent", "describe the gap in the process or tooling instead of judging a person"),
      new BlamePhrase("negligence", "describe the gap in the process or tooling instead of judging a person"),
      new BlamePhrase("sloppy", "describe the check that was missing and the signal that would have caught it"),
      new BlamePhrase("should have known", "describe what information was not available or not visible at the time"),
      new BlamePhrase("should have noticed", "describe why the signal did not stand out: noise, routing, dashboards"),
      new BlamePhrase("who approved", "describe the review step and what it did not check"),
      new BlamePhrase("fault of", "describe the conditions that combined to cause the failure"),
      new BlamePhrase("at fault", "describe the conditions that combined to cause the failure"),
      new BlamePhrase("blame", "post-mortems look for system conditions, not culprits: describe what allowed it"),
      new BlamePhrase("blamed", "post-mortems look for system conditions, not culprits: describe what allowed it"),
      new BlamePhrase("forgot to", "describe the missing checklist, automation or default that relied on memory"),
      new BlamePhrase("failed to notice", "describe why the signal did not stand out: noise, routing, dashboards"),
      new BlamePhrase("ignored the alert", "describe why the alert did not get attention: noise, routing, severity"),
      new BlamePhrase("didn't bother", "describe the incentive or friction that made the step easy to skip"),
      new BlamePhrase("incompetent", "describe the knowledge or training gap the system did not cover"),
      new BlamePhrase("lazy", "describe the friction that made the safe path harder than the unsafe one"));
}
