package dev.hindsight.analyze;

import dev.hindsight.model.Action;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentStatus;
import dev.hindsight.model.Priority;
import dev.hindsight.model.Rca;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Small incidents for worked examples: only what a figure needs is set. */
final class Incidents {
  private Incidents() {}

  static Incident incident(String id, String started, String category, List<String> services) {
    return with(id, OffsetDateTime.parse(started), Optional.empty(), Optional.empty(), Optional.empty(), category, services, List.of(),
        Impact.NONE, List.of(), Optional.empty(), "SEV2");
  }

  static Incident titled(String id, String title, String summary, String category, List<String> services) {
    Incident base = incident(id, "2025-01-01T00:00:00Z", category, services);
    return new Incident(id, title, base.status(), base.visibility(), base.severity(), Optional.of(summary), base.started(), base.detected(), base.mitigated(),
        base.resolved(), services, List.of(), List.of(), Optional.empty(), Impact.NONE, List.of(), List.of(), base.rca(), List.of(),
        Optional.empty(), List.of(), Optional.empty(), List.of(), "", id + ".md", Path.of(id + ".md"));
  }

  static Incident with(String id, OffsetDateTime started, Optional<OffsetDateTime> detected, Optional<OffsetDateTime> mitigated,
      Optional<OffsetDateTime> resolved, String category, List<String> services, List<String> tags, Impact impact, List<Action> actions,
      Optional<LocalDate> reviewOn, String severity) {
    return new Incident(id, "Incident " + id, IncidentStatus.PUBLISHED, Optional.empty(), severity, Optional.of("Summary of " + id), started, detected,
        mitigated, resolved, services, tags, List.of(), Optional.empty(), impact, List.of(), List.of(),
        Optional.of(new Rca(category, Optional.empty(), List.of(), List.of(), List.of())), actions, reviewOn, List.of(), Optional.empty(),
        List.of(), "", id + ".md", Path.of(id + ".md"));
  }

  static Impact slo(String name, Double badFraction) {
    return new Impact(Optional.empty(), OptionalLong.empty(), List.of(), Optional.empty(), Optional.of(name), Optional.empty(),
        badFraction == null ? OptionalDouble.empty() : OptionalDouble.of(badFraction));
  }

  static Action action(String id, String owner, String due, ActionStatus status, String doneOn) {
    return new Action(id, "Action " + id, owner, LocalDate.parse(due), ActionType.PREVENT, Priority.P1, status,
        Optional.ofNullable(doneOn).map(LocalDate::parse), Optional.empty());
  }
}
