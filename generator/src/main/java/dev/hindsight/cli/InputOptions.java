package dev.hindsight.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the incidents and the configuration are; shared by every command that reads input. */
final class InputOptions {
  @Option(names = {"-i", "--input"}, paramLabel = "DIR", defaultValue = "postmortems",
      description = "Folder with the incident files (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Site configuration (default: hindsight.yaml beside the input folder, else in the current folder; optional).")
  Path config;

  /** The configuration file to read, if any: the one given, or hindsight.yaml found beside the input. */
  Optional<Path> configFile() {
    if (config != null) return Optional.of(config);
    Path parent = input.toAbsolutePath().normalize().getParent();
    if (parent != null && Files.isRegularFile(parent.resolve("hindsight.yaml"))) {
      return Optional.of(relativeIfPossible(parent.resolve("hindsight.yaml")));
    }
    Path here = Path.of("hindsight.yaml");
    return Files.isRegularFile(here) ? Optional.of(here) : Optional.empty();
  }

  /** A usage problem with these options, or null. */
  String problem() {
    if (!Files.isDirectory(input)) {
      return "the input folder " + input + " does not exist (give another with --input DIR)";
    }
    if (config != null && !Files.isRegularFile(config)) {
      return "the configuration file " + config + " does not exist";
    }
    return null;
  }

  /**
   * Validates the input for a command that needs a clean corpus; on errors, reports them to the
   * error stream and returns empty.
   */
  Optional<dev.hindsight.validate.ValidationResult> validated(Main.Context context, String command, CacheOption cache) {
    dev.hindsight.validate.ValidationResult result = new dev.hindsight.validate.Validator().validate(input, configFile(), cache.validationDir(this));
    if (!result.hasErrors()) return Optional.of(result);
    new dev.hindsight.diagnostic.Reporter(dev.hindsight.diagnostic.ReportFormat.TEXT, context.err()).report(result.diagnostics(), result.files());
    context.err().println("hindsight " + command + ": fix the errors first (hindsight validate)");
    return Optional.empty();
  }

  static Path relativeIfPossible(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p) : p;
  }
}
