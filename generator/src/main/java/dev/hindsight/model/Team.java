package dev.hindsight.model;

import java.util.List;
import java.util.Objects;

/** A team that can own actions, with its members. */
public record Team(String name, List<String> members) {
  public Team {
    Objects.requireNonNull(name);
    members = List.copyOf(members);
  }
}
