package dev.hindsight.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** The date that "overdue" is judged against: --as-of, else SOURCE_DATE_EPOCH, else today. */
final class AsOf {
  private AsOf() {}

  static LocalDate resolve(LocalDate given, Map<String, String> env, Clock clock) {
    if (given != null) return given;
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d+")) {
      return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
    }
    return LocalDate.now(clock);
  }
}
