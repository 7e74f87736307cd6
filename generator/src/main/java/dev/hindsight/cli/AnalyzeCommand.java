package dev.hindsight.cli;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.model.Incident;
import dev.hindsight.validate.ValidationResult;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hindsight analyze}: prints the figures the site shows, as tables. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Print the analysis: response times, error budget burned, recurrence, overdue actions, quarterly trends.",
        "The same figures are written to site-output/data/*.json by build."})
final class AnalyzeCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;
  @Mixin CacheOption cache;

  @Mixin SelectionOptions selection;

  AnalyzeCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String problem = input.problem();
    if (problem != null) {
      context.err().println("hindsight analyze: " + problem);
      return ExitCode.USAGE;
    }
    Optional<ValidationResult> validated = input.validated(context, "analyze", cache);
    if (validated.isEmpty()) return ExitCode.INVALID;
    ValidationResult result = validated.get();
    List<Incident> included = result.incidents(selection.drafts, selection.publicOnly);
    Analysis analysis = new Analyzer(result.config()).analyze(included, selection.asOf(context));
    new AnalysisReport(context.out()).print(included, analysis);
    return ExitCode.OK;
  }
}
