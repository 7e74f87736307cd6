package dev.hindsight.build;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build: where the incidents are, where the site goes, which templates and configuration
 * to use, whether drafts are included, whether warnings block publishing, whether PDF briefs are written, the date that "overdue" is judged against, whether internal incidents are left out (a public build), whether an output folder that is not a previous site may be replaced (force), whether results of earlier builds are reused from {@code .hindsight-cache/} beside the output (cache), and whether a rebuild may render only what changed when the last build's record allows it (quick).
 */
public record BuildOptions(Path input, Path output, Optional<Path> templates, Optional<Path> config, boolean drafts, boolean strict, boolean briefs, LocalDate asOf, boolean publicOnly,
    boolean force, boolean cache, boolean quick) {
  public BuildOptions {
    Objects.requireNonNull(input);
    Objects.requireNonNull(output);
    Objects.requireNonNull(templates);
    Objects.requireNonNull(config);
    Objects.requireNonNull(asOf);
  }

  /** A build that may be a quick one ({@code QuickRebuild}) when it uses the cache. */
  public BuildOptions(Path input, Path output, Optional<Path> templates, Optional<Path> config, boolean drafts, boolean strict, boolean briefs, LocalDate asOf, boolean publicOnly,
      boolean force, boolean cache) {
    this(input, output, templates, config, drafts, strict, briefs, asOf, publicOnly, force, cache, true);
  }

  /** A build that uses the cache. */
  public BuildOptions(Path input, Path output, Optional<Path> templates, Optional<Path> config, boolean drafts, boolean strict, boolean briefs, LocalDate asOf, boolean publicOnly,
      boolean force) {
    this(input, output, templates, config, drafts, strict, briefs, asOf, publicOnly, force, true);
  }

  /** The folder of earlier builds' results: {@code .hindsight-cache/} beside the output. */
  public Path cacheRoot() {
    return output.toAbsolutePath().normalize().getParent().resolve(".hindsight-cache");
  }

  /** A build of everything, internal incidents included. */
  public BuildOptions(Path input, Path output, Optional<Path> templates, Optional<Path> config, boolean drafts, boolean strict, boolean briefs, LocalDate asOf) {
    this(input, output, templates, config, drafts, strict, briefs, asOf, false, false);
  }
}
