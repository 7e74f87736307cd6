package dev.hindsight.cli;

import picocli.CommandLine.Command;

/** The top-level command; the work is in the subcommands ({@link #SUBCOMMANDS}). */
@Command(
    name = "hindsight",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validates incident post-mortems and builds a static, searchable site from them.",
    footer = {"", "Exit codes: 0 clean, 1 errors in the input (or warnings with --strict), 2 usage error."})
final class HindsightCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. {@link Main} adds them to the command line
   * itself, and only the one a command names when it names one: picocli reads every option of
   * every command it is given by reflection, a sixth of a second of each run's start.
   */
  static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(ValidateCommand.class, BuildCommand.class, ServeCommand.class,
      AnalyzeCommand.class, BriefCommand.class, AgendaCommand.class, NewCommand.class, BenchCorpusCommand.class,
      picocli.CommandLine.HelpCommand.class);

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
