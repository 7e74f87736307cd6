package dev.hindsight.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Which incidents a command looks at, and the date "overdue" is judged against. */
final class SelectionOptions {
  @Option(names = "--drafts", description = "Include incidents with status: draft (marked as drafts).")
  boolean drafts;

  @Option(names = "--public",
      description = "Leave out internal incidents (visibility: internal, or the config's default_visibility): no page, search entry, feed item, figure or brief of theirs.")
  boolean publicOnly;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "Judge overdue actions as of this date (default: SOURCE_DATE_EPOCH if set, else today).")
  LocalDate asOf;

  LocalDate asOf(Main.Context context) {
    return AsOf.resolve(asOf, context.env(), context.clock());
  }
}
