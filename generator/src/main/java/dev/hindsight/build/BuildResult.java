package dev.hindsight.build;

import dev.hindsight.diagnostic.Diagnostic;
import java.util.List;

/**
 * The outcome of a build: every diagnostic, how many files were checked, and what was published
 * (nothing when {@code published} is false), and how many PDF briefs were rendered or reused
 * unchanged from the cache, and whether it was a quick rebuild that rendered only the changed
 * incidents' pages and the search index ({@code QuickRebuild}).
 */
public record BuildResult(List<Diagnostic> diagnostics, int files, boolean published, int pages, int pagesReused, int dataFiles, long millis,
    int briefsRendered, int briefsReused, boolean quick) {
  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** How many pages were rendered, not reused. */
  public int pagesRendered() {
    return pages - pagesReused;
  }
}
