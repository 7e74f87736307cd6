package dev.hindsight.analyze;

import dev.hindsight.model.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds repeats of the same cause on the same service. Incidents are grouped by (key, service),
 * where the key is the RCA category (or a tag), each group sorted by start, and swept with two
 * pointers: an incident's predecessors are the earlier ones of its group no more than the window
 * before it, and a chain links incidents whose gaps are all within the window. Cost: n log n.
 */
public final class Recurrence {
  /** An incident's place in a recurrence: "3rd deadlock on orders-db in 90 days". */
  public record Place(String key, String service, int ordinal, int windowDays, List<String> predecessors, String chainId) {
    public Place {
      predecessors = List.copyOf(predecessors);
    }

    /** For a cause: "3rd deadlock on orders-db in 90 days". */
    public String phrase() {
      return nth(ordinal) + " " + key + " on " + service + " in " + windowDays + " days";
    }

    /** For a tag: "2nd incident tagged lock-contention on orders-db in 90 days". */
    public String tagPhrase() {
      return nth(ordinal) + " incident tagged " + key + " on " + service + " in " + windowDays + " days";
    }
  }

  /** Incidents linked by repeats of one key on one service, oldest first. */
  public record Chain(String id, String key, String service, List<String> incidents) {
    public Chain {
      incidents = List.copyOf(incidents);
    }
  }

  /** The places of every incident in every group, and the chains of two or more. */
  public record Result(Map<String, List<Place>> places, List<Chain> chains) {}

  private Recurrence() {}

  public static Result find(List<Incident> incidents, Function<Incident, List<String>> keys, int windowDays) {
    Duration window = Duration.ofDays(windowDays);
    Map<String, List<Incident>> groups = new TreeMap<>();
    for (Incident i : incidents) {
      for (String key : keys.apply(i)) {
        for (String service : i.services()) {
          groups.computeIfAbsent(key + "\u0000" + service, k -> new ArrayList<>()).add(i);
        }
      }
    }
    Map<String, List<Place>> places = new HashMap<>();
    List<Chain> chains = new ArrayList<>();
    for (Map.Entry<String, List<Incident>> group : groups.entrySet()) {
      String[] parts = group.getKey().split("\u0000", 2);
      List<Incident> list = group.getValue();
      list.sort(Comparator.comparing(Incident::started).thenComparing(Incident::id));
      int from = 0;
      List<String> chain = new ArrayList<>();
      for (int j = 0; j < list.size(); j++) {
        Incident current = list.get(j);
        while (Duration.between(list.get(from).started(), current.started()).compareTo(window) > 0) from++;
        if (j > 0 && Duration.between(list.get(j - 1).started(), current.started()).compareTo(window) > 0) {
          closeChain(chain, parts, chains);
        }
        chain.add(current.id());
        List<String> predecessors = list.subList(from, j).stream().map(Incident::id).toList();
        if (!predecessors.isEmpty()) {
          places.computeIfAbsent(current.id(), k -> new ArrayList<>())
              .add(new Place(parts[0], parts[1], predecessors.size() + 1, windowDays, predecessors, chainId(parts, chain.get(0))));
        }
      }
      closeChain(chain, parts, chains);
    }
    chains.sort(Comparator.comparing(Chain::id));
    return new Result(places, chains);
  }

  /**
   * The most telling place of an incident: the highest count; on a tie, the service the incident
   * lists first (its primary service).
   */
  public static Optional<Place> strongest(List<Place> places, List<String> services) {
    return places.stream().max(Comparator.comparingInt(Place::ordinal)
        .thenComparing(p -> -services.indexOf(p.service()))
        .thenComparing(Place::key, Comparator.reverseOrder()));
  }

  private static void closeChain(List<String> chain, String[] parts, List<Chain> chains) {
    if (chain.size() >= 2) chains.add(new Chain(chainId(parts, chain.get(0)), parts[0], parts[1], chain));
    chain.clear();
  }

  private static String chainId(String[] parts, String firstIncident) {
    return parts[0] + "/" + parts[1] + "/" + firstIncident;
  }

  static String nth(int n) {
    int mod100 = n % 100;
    String suffix = (mod100 >= 11 && mod100 <= 13) ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
