package dev.hindsight.cli;

import picocli.CommandLine.Command;

/** The top-level command; the work is in the subcommands. */
@Command(
    name = "hindsight",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validates incident post-mortems and builds a static, searchable site from them.",
    subcommands = {ValidateCommand.class, BuildCommand.class, ServeCommand.class, AnalyzeCommand.class, BriefCommand.class, AgendaCommand.class, NewCommand.class, BenchCorpusCommand.class, picocli.CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 clean, 1 errors in the input (or warnings with --strict), 2 usage error."})
final class HindsightCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
