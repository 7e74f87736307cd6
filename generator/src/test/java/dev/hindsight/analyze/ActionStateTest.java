package dev.hindsight.analyze;

import static dev.hindsight.analyze.Incidents.action;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.ActionStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Worked example as of 2026-01-10. */
class ActionStateTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-01-10");

  @Test
  void pastDueAndNotDoneIsOverdue() {
    assertThat(ActionState.of(action("A1", "dba", "2026-01-09", ActionStatus.OPEN, null), AS_OF)).isEqualTo(ActionState.OVERDUE);
    assertThat(ActionState.of(action("A2", "dba", "2026-01-09", ActionStatus.IN_PROGRESS, null), AS_OF)).isEqualTo(ActionState.OVERDUE);
  }

  @Test
  void dueTodayIsNotYetOverdue() {
    assertThat(ActionState.of(action("A1", "dba", "2026-01-10", ActionStatus.OPEN, null), AS_OF)).isEqualTo(ActionState.OPEN);
    assertThat(ActionState.of(action("A2", "dba", "2026-02-01", ActionStatus.IN_PROGRESS, null), AS_OF)).isEqualTo(ActionState.IN_PROGRESS);
  }

  @Test
  void doneAfterTheDueDateIsDoneLate() {
    assertThat(ActionState.of(action("A1", "dba", "2026-01-05", ActionStatus.DONE, "2026-01-06"), AS_OF)).isEqualTo(ActionState.DONE_LATE);
    assertThat(ActionState.of(action("A2", "dba", "2026-01-05", ActionStatus.DONE, "2026-01-05"), AS_OF)).isEqualTo(ActionState.DONE);
  }

  @Test
  void wontDoIsNeverOverdue() {
    assertThat(ActionState.of(action("A1", "dba", "2025-01-01", ActionStatus.WONT_DO, null), AS_OF)).isEqualTo(ActionState.WONT_DO);
  }
}
