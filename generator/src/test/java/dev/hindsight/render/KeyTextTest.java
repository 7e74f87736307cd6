package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.analyze.IncidentFigures;
import dev.hindsight.analyze.Similarity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The text page and brief cache keys are made of: everything a value holds, written so that two
 * different values never share a text, and the same value always gives the same one.
 */
class KeyTextTest {
  private record Action(String title, Optional<LocalDate> due, List<String> teams) {}

  private record Pair(Object left, Object right) {}

  @Test
  void aRecordIsWrittenWithEveryComponentByNameAndNestedValuesInFull() {
    String text = KeyText.of(new Action("Add an index", Optional.of(LocalDate.of(2026, 12, 1)), List.of("dba", "payments")));

    assertThat(text).contains("Action[", "title=", "Add an index", "due=Optional[2026-12-01]", "teams=", "dba", "payments");
  }

  @Test
  void equalValuesGiveTheSameTextAndAnyChangeAnywhereGivesAnotherOne() {
    Action action = new Action("Add an index", Optional.empty(), List.of("dba"));

    assertThat(KeyText.of(action)).isEqualTo(KeyText.of(new Action("Add an index", Optional.empty(), List.of("dba"))));
    assertThat(KeyText.of(action)).isNotEqualTo(KeyText.of(new Action("Add an index", Optional.empty(), List.of("dba", ""))));
    assertThat(KeyText.of(action)).isNotEqualTo(KeyText.of(new Action("Add an index", Optional.of(LocalDate.of(2026, 1, 1)), List.of("dba"))));
    assertThat(KeyText.of(action)).isNotEqualTo(KeyText.of(new Action("Add an Index", Optional.empty(), List.of("dba"))));
  }

  @Test
  void textsThatHoldTheSeparatorsOfARecordOrAListCannotPassForOtherValues() {
    // With toString, both are "[a, b]" inside the record: a title with ", " passed for two teams.
    assertThat(KeyText.of(new Action("t", Optional.empty(), List.of("a, b"))))
        .isNotEqualTo(KeyText.of(new Action("t", Optional.empty(), List.of("a", "b"))));
    assertThat(KeyText.of(new Pair("x;right=y", "z"))).isNotEqualTo(KeyText.of(new Pair("x", "y;right=z")));
    assertThat(KeyText.of(List.of("a,", "b"))).isNotEqualTo(KeyText.of(List.of("a", ",b")));
    assertThat(KeyText.of(Map.of("k=v", "w"))).isNotEqualTo(KeyText.of(Map.of("k", "v=w")));
    assertThat(KeyText.of(Optional.of("null"))).isNotEqualTo(KeyText.of(Optional.ofNullable(null))).isNotEqualTo(KeyText.of(null));
  }

  @Test
  void arraysAreWrittenByContentNotByIdentity() {
    // A record's toString writes an array as its identity ("[B@1b6d3586"), a different text in every run.
    assertThat(KeyText.of(new Pair(new byte[] {1, 2}, new String[] {"x"}))).isEqualTo(KeyText.of(new Pair(new byte[] {1, 2}, new String[] {"x"})))
        .isNotEqualTo(KeyText.of(new Pair(new byte[] {1, 3}, new String[] {"x"})));
  }

  @Test
  void mapsAreWrittenInTheirOwnOrderAndPlainValuesAsTheirText() {
    Map<String, Object> sorted = new TreeMap<>(Map.of("b", Duration.ofMinutes(90), "a", Path.of("incidents/x.md")));

    assertThat(KeyText.of(sorted)).contains("a", "incidents/x.md", "b", "PT1H30M").matches("(?s).*\"1:a=.*\"1:b=.*");
  }

  /**
   * A hash map's order follows its capacity and hashes, and {@code Map.copyOf}'s is salted anew in
   * every run: such maps and sets give one text for the same contents. A linked map's order is its
   * own, and part of its text.
   */
  @Test
  void hashedMapsAndSetsGiveOneTextForTheSameContentsWhateverTheirOrder() {
    java.util.Map<String, Integer> small = new java.util.HashMap<>();
    java.util.Map<String, Integer> large = new java.util.HashMap<>(1 << 12);
    java.util.List<String> keys = java.util.stream.IntStream.range(0, 200).mapToObj(k -> "service-" + k).toList();
    keys.forEach(k -> small.put(k, k.length()));
    for (int k = keys.size() - 1; k >= 0; k--) large.put(keys.get(k), keys.get(k).length());
    assertThat(List.copyOf(small.keySet())).as("the same entries in another order").isNotEqualTo(List.copyOf(large.keySet()));

    assertThat(KeyText.of(small)).isEqualTo(KeyText.of(large)).isEqualTo(KeyText.of(Map.copyOf(small)));
    assertThat(KeyText.of(new java.util.HashSet<>(keys))).isEqualTo(KeyText.of(java.util.Set.copyOf(keys)));
    large.put("service-0", 1);
    assertThat(KeyText.of(small)).isNotEqualTo(KeyText.of(large));

    java.util.Map<String, Integer> linked = new java.util.LinkedHashMap<>(small);
    java.util.Map<String, Integer> reversed = new java.util.LinkedHashMap<>();
    for (int k = keys.size() - 1; k >= 0; k--) reversed.put(keys.get(k), keys.get(k).length());
    assertThat(KeyText.of(linked)).isNotEqualTo(KeyText.of(reversed));
    assertThat(KeyText.of(java.util.Collections.unmodifiableMap(linked))).isNotEqualTo(KeyText.of(java.util.Collections.unmodifiableMap(reversed)));
  }

  @Test
  void anIncidentsFiguresAreWrittenWholeAsTheyAreForEveryPageKey() {
    IncidentFigures figures = new IncidentFigures("2026-03-02-orders-db-deadlock", Optional.of(Duration.ofMinutes(4)), Optional.empty(),
        Optional.of(Duration.ofHours(2)), Optional.of(Duration.ofHours(2)), Optional.empty(), List.of(), Optional.empty(), List.of(),
        List.of(new Similarity.Match("2025-11-20-orders-db-deadlock", 0.61)), true);

    String text = KeyText.of(figures);

    assertThat(text).contains("2026-03-02-orders-db-deadlock", "PT4M", "PT2H", "2025-11-20-orders-db-deadlock", "0.61", "reviewDue=true");
    assertThat(text).isEqualTo(KeyText.of(new IncidentFigures("2026-03-02-orders-db-deadlock", Optional.of(Duration.ofMinutes(4)), Optional.empty(),
        Optional.of(Duration.ofHours(2)), Optional.of(Duration.ofHours(2)), Optional.empty(), List.of(), Optional.empty(), List.of(),
        List.of(new Similarity.Match("2025-11-20-orders-db-deadlock", 0.61)), true)));
  }
}
