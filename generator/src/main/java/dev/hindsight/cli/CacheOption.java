package dev.hindsight.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --cache} / {@code --no-cache} for the commands that validate the corpus before they work. */
final class CacheOption {
  @Option(names = "--cache", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Reuse the results of files that did not change since the last run, from .hindsight-cache/ beside the input folder (default); --no-cache checks every file.")
  boolean cache;

  /** The validation cache of {@code input}'s corpus, unless turned off. */
  Optional<Path> validationDir(InputOptions input) {
    if (!cache) return Optional.empty();
    return Optional.ofNullable(input.input.toAbsolutePath().normalize().getParent()).map(p -> p.resolve(".hindsight-cache/validation"));
  }
}
