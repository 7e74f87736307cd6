package dev.hindsight.model;

/**
 * Who may read an incident. Internal incidents are left out of builds made with {@code --public}:
 * no page, search entry, feed item, calendar event, figure, chart or brief of theirs remains.
 */
public enum Visibility implements Labelled {
  INTERNAL,
  PUBLIC
}
