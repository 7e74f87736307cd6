package dev.hindsight.analyze;

import static dev.hindsight.analyze.Incidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Incident;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked example with a 90-day window on orders-db deadlocks:
 * A 2025-01-01 10:00; B exactly 90 days later (in the window); F 60 days after B (150 after A:
 * only B is within 90 days, but the chain runs on); C 90 days and 1 minute after F (a new chain);
 * D 10 days after C. E is a deadlock on another service, G another category on orders-db.
 */
class RecurrenceTest {
  private static final List<Incident> CORPUS = List.of(
      incident("a", "2025-01-01T10:00:00Z", "deadlock", List.of("orders-db")),
      incident("b", "2025-04-01T10:00:00Z", "deadlock", List.of("orders-db", "checkout-api")),
      incident("f", "2025-05-31T10:00:00Z", "deadlock", List.of("orders-db")),
      incident("c", "2025-08-29T10:01:00Z", "deadlock", List.of("orders-db")),
      incident("d", "2025-09-08T10:01:00Z", "deadlock", List.of("orders-db")),
      incident("e", "2025-01-05T10:00:00Z", "deadlock", List.of("payments-db")),
      incident("g", "2025-01-03T10:00:00Z", "replication-lag", List.of("orders-db")));

  private static Recurrence.Result find() {
    return Recurrence.find(CORPUS, i -> List.of(i.rca().orElseThrow().category()), 90);
  }

  @Test
  void anIncidentExactlyAtTheWindowEdgeRecurs() {
    Recurrence.Place b = Recurrence.strongest(find().places().get("b"), List.of("orders-db", "checkout-api")).orElseThrow();
    assertThat(b.ordinal()).isEqualTo(2);
    assertThat(b.predecessors()).containsExactly("a");
    assertThat(b.phrase()).isEqualTo("2nd deadlock on orders-db in 90 days");
  }

  @Test
  void predecessorsAreOnlyThoseWithinTheWindow() {
    Recurrence.Place f = find().places().get("f").get(0);
    assertThat(f.predecessors()).containsExactly("b");
    assertThat(f.ordinal()).isEqualTo(2);
  }

  @Test
  void oneMinutePastTheWindowStartsAfresh() {
    assertThat(find().places()).doesNotContainKeys("a", "c", "e", "g");
    assertThat(find().places().get("d").get(0).predecessors()).containsExactly("c");
  }

  @Test
  void chainsLinkIncidentsWhoseGapsAreAllWithinTheWindow() {
    assertThat(find().chains()).extracting(Recurrence.Chain::incidents)
        .containsExactly(List.of("a", "b", "f"), List.of("c", "d"));
    assertThat(find().chains().get(0).id()).isEqualTo("deadlock/orders-db/a");
  }

  @Test
  void countsEveryEarlierIncidentInTheWindow() {
    List<Incident> three = List.of(
        incident("x1", "2025-01-01T00:00:00Z", "deadlock", List.of("orders-db")),
        incident("x2", "2025-01-20T00:00:00Z", "deadlock", List.of("orders-db")),
        incident("x3", "2025-02-10T00:00:00Z", "deadlock", List.of("orders-db")));
    Recurrence.Place third = Recurrence.find(three, i -> List.of("deadlock"), 90).places().get("x3").get(0);
    assertThat(third.phrase()).isEqualTo("3rd deadlock on orders-db in 90 days");
    assertThat(third.predecessors()).containsExactly("x1", "x2");
  }

  @Test
  void ordinalsReadAsWords() {
    assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101)).extracting(Recurrence::nth)
        .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st");
  }
}
