package dev.hindsight.cli;

import dev.hindsight.diagnostic.Reporter;
import dev.hindsight.validate.ValidationReport;
import dev.hindsight.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hindsight validate}: checks every incident and reports all problems at once. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Check every incident file and the configuration; report all problems with file:line:column.")
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;
  @Mixin ReportOptions report;

  @Mixin CacheOption cache;

  ValidateCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String problem = input.problem();
    if (problem != null) {
      context.err().println("hindsight validate: " + problem);
      return ExitCode.USAGE;
    }
    ValidationReport result = new Validator().report(input.input, input.configFile(), cache.validationDir(input));
    new Reporter(report.format, context.out()).report(result.diagnostics(), result.files());
    boolean failed = result.hasErrors() || (report.strict && result.hasWarnings());
    return failed ? ExitCode.INVALID : ExitCode.OK;
  }
}
