package dev.hindsight.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, System.getenv(), Clock.systemDefaultZone()));
  }

  /**
   * Runs one command and returns its exit code, printing to the given streams.
   *
   * @param env the environment (for SOURCE_DATE_EPOCH), passed in so tests can set it
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    CommandLine cli = commandLine(new Context(out, err, env, clock), args.length == 0 ? null : args[0]);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("hindsight: internal error: " + e);
      err.println("This is a bug in Hindsight; please report it with the command you ran.");
      e.printStackTrace(err);
      return 70;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command line, for tools and tests that only parse arguments (nothing runs). */
  public static CommandLine parser() {
    PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
    return commandLine(new Context(sink, sink, Map.of(), Clock.systemUTC()), null);
  }

  /**
   * The command line with the subcommand {@code first} names, or with all of them when it names
   * none (help, a mistyped name, an option of the top command): what picocli then says is the same.
   */
  private static CommandLine commandLine(Context context, String first) {
    ContextFactory factory = new ContextFactory(context);
    CommandLine cli = new CommandLine(new HindsightCommand(), factory);
    Class<?> named = HindsightCommand.SUBCOMMANDS.stream()
        .filter(c -> c.getAnnotation(picocli.CommandLine.Command.class).name().equals(first))
        .filter(c -> c != CommandLine.HelpCommand.class)
        .findFirst().orElse(null);
    for (Class<?> c : named == null ? HindsightCommand.SUBCOMMANDS : List.of(named)) {
      cli.addSubcommand(new CommandLine(c, factory));
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /** What every command needs from its surroundings. */
  record Context(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {}

  /** Hands the context to the commands through their constructors; no globals. */
  private record ContextFactory(Context context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Context.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
