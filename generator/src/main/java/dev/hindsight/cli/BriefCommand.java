package dev.hindsight.cli;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.model.Incident;
import dev.hindsight.pdf.Briefs;
import dev.hindsight.pdf.Period;
import dev.hindsight.render.TemplateSet;
import dev.hindsight.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hindsight brief}: writes executive PDF briefs for incidents or a period, on demand. */
@Command(name = "brief", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Write the executive PDF brief of incidents (by id) or of a period (--period 2026-Q3 or 2026-10).",
        "build writes every incident's brief and those of the recent months and quarters into site-output/briefs/."})
final class BriefCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;
  @Mixin CacheOption cache;
  @Mixin SelectionOptions selection;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Incident ids (file or folder names).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--period", paramLabel = "PERIOD", description = "A quarter (2026-Q3) or a month (2026-10).")
  String period;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "briefs", description = "Where the PDFs go (default: ${DEFAULT-VALUE}).")
  Path output;

  BriefCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String problem = input.problem();
    Optional<Period> p = period == null ? Optional.empty() : Period.parse(period);
    if (problem == null && period != null && p.isEmpty()) problem = "--period `" + period + "` is neither a quarter (2026-Q3) nor a month (2026-10)";
    if (problem == null && ids.isEmpty() && period == null) problem = "name at least one incident id, or a --period";
    if (problem != null) {
      context.err().println("hindsight brief: " + problem);
      return ExitCode.USAGE;
    }
    Optional<ValidationResult> validated = input.validated(context, "brief", cache);
    if (validated.isEmpty()) return ExitCode.INVALID;
    ValidationResult result = validated.get();
    List<Incident> included = result.incidents(selection.drafts || !ids.isEmpty(), selection.publicOnly);
    Analysis analysis = new Analyzer(result.config()).analyze(included, selection.asOf(context));
    Briefs briefs = new Briefs(new TemplateSet(Optional.empty()), selection.publicOnly ? result.config().forPublic() : result.config(), VersionProvider.version());
    Files.createDirectories(output);
    for (String id : ids) {
      Optional<Incident> incident = included.stream().filter(i -> i.id().equals(id)).findFirst();
      if (incident.isEmpty()) {
        boolean internal = selection.publicOnly && result.incidents().stream().anyMatch(i -> i.id().equals(id));
        context.err().println("hindsight brief: " + (internal ? "`" + id + "` is internal, so --public leaves it out" : "no incident has the id `" + id + "`"));
        return ExitCode.USAGE;
      }
      Path file = output.resolve(id + ".pdf");
      Files.write(file, briefs.incident(incident.get(), analysis));
      context.out().println("Wrote " + file);
    }
    if (p.isPresent()) {
      Path file = output.resolve("period-" + p.get().name() + ".pdf");
      Files.write(file, briefs.period(p.get(), included, analysis));
      context.out().println("Wrote " + file);
    }
    return ExitCode.OK;
  }
}
