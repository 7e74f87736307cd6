package dev.hindsight.cli;

import dev.hindsight.model.SiteConfig;
import dev.hindsight.scaffold.IncidentScaffold;
import dev.hindsight.validate.ConfigLoader;
import dev.hindsight.load.YamlTreeReader;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hindsight new "Title"}: writes a ready-to-fill incident file. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Create a new incident file with every section and short prompts, as a draft.")
final class NewCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;

  @Parameters(index = "0", paramLabel = "TITLE", description = "One line naming what broke and the visible effect.")
  String title;

  @Option(names = "--severity", paramLabel = "LEVEL", description = "Severity from the scale (default: the least severe but one, e.g. SEV3).")
  String severity;

  @Option(names = "--service", paramLabel = "NAME", description = "An affected service; repeat for several.")
  List<String> services = new ArrayList<>();

  @Option(names = "--started", paramLabel = "TIME", description = "When impact began, ISO-8601 with offset (default: now).")
  String started;

  NewCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String problem = input.problem();
    if (problem != null) {
      context.err().println("hindsight new: " + problem);
      return ExitCode.USAGE;
    }
    if (title.isBlank()) {
      context.err().println("hindsight new: the title is empty");
      return ExitCode.USAGE;
    }
    OffsetDateTime when;
    try {
      when = started == null ? OffsetDateTime.now(context.clock()) : OffsetDateTime.parse(started);
    } catch (DateTimeParseException e) {
      context.err().println("hindsight new: --started `" + started + "` is not a date and time with offset, like 2025-03-04T09:12:00+01:00");
      return ExitCode.USAGE;
    }
    List<Diagnostic> problems = new ArrayList<>();
    Optional<SiteConfig> config = new ConfigLoader(new YamlTreeReader()).load(input.configFile(), problems);
    if (config.isEmpty()) {
      new Reporter(dev.hindsight.diagnostic.ReportFormat.TEXT, context.err()).report(problems, 1);
      return ExitCode.INVALID;
    }
    List<String> scale = config.get().severityNames();
    String level = severity == null ? scale.get(Math.max(0, scale.size() - 2)) : severity;
    if (!scale.contains(level)) {
      context.err().println("hindsight new: --severity " + level + " is not on the scale: " + String.join(", ", scale));
      return ExitCode.USAGE;
    }
    for (String s : services) {
      if (!s.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
        context.err().println("hindsight new: --service `" + s + "` may hold only letters, digits, `-`, `_` and `.`");
        return ExitCode.USAGE;
      }
    }
    IncidentScaffold.Request request = new IncidentScaffold.Request(title.strip(), level, services, when, config.get().rcaCategories());
    Path file = input.input.resolve(IncidentScaffold.fileName(request));
    if (Files.exists(file)) {
      context.err().println("hindsight new: " + file + " already exists; choose another title or edit that file");
      return ExitCode.INVALID;
    }
    Files.writeString(file, new IncidentScaffold().render(request), StandardCharsets.UTF_8);
    context.out().println("Created " + file);
    context.out().println("Fill it in, then run: hindsight validate");
    return ExitCode.OK;
  }
}
