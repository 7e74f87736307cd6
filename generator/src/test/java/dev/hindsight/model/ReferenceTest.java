package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReferenceTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2025-03-04T09:00:00+01:00");
  private static final Incident INCIDENT = new Incident("x", "Orders slow", IncidentStatus.PUBLISHED, Optional.empty(), "SEV2", Optional.empty(), T,
      Optional.empty(), Optional.empty(), Optional.empty(), List.of("orders-db"), List.of(), List.of(), Optional.empty(), Impact.NONE,
      List.of(new TimelineEntry(Optional.of("deploy"), T, "Deployed", TimelineKind.CAUSE, Optional.of("plan.txt"))),
      List.of(new Metric("cpu", "CPU", "%", OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of())),
      Optional.of(new Rca("deadlock", Optional.empty(), List.of(new Finding("Scan", List.of("cpu", "deploy"))), List.of(),
          List.of(new Evidence("https://grafana.example/d/1", Optional.empty())))),
      List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), "", "x.md", Path.of("x.md"));

  @Test
  void resolvesMetricsThenTimelineThenUrlsThenFiles() {
    assertThat(Reference.of("cpu", INCIDENT).kind()).isEqualTo(Reference.Kind.METRIC);
    assertThat(Reference.of("deploy", INCIDENT).kind()).isEqualTo(Reference.Kind.TIMELINE);
    assertThat(Reference.of("https://grafana.example/d/1", INCIDENT).kind()).isEqualTo(Reference.Kind.URL);
    assertThat(Reference.of("plan.txt", INCIDENT).kind()).isEqualTo(Reference.Kind.FILE);
    assertThat(Reference.of("logs/pg.log", INCIDENT).kind()).isEqualTo(Reference.Kind.FILE);
    assertThat(Reference.of("cpuu", INCIDENT).kind()).isEqualTo(Reference.Kind.UNKNOWN);
  }

  @Test
  void neverFollowsOtherLinkTypes() {
    for (String ref : List.of("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x")) {
      assertThat(Reference.of(ref, INCIDENT).kind()).as(ref).isEqualTo(Reference.Kind.DISALLOWED_LINK);
    }
  }

  @Test
  void listsEveryReferenceInDocumentOrder() {
    assertThat(INCIDENT.references()).containsExactly("plan.txt", "cpu", "deploy", "https://grafana.example/d/1");
  }
}
