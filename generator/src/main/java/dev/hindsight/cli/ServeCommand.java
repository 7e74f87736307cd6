package dev.hindsight.cli;

import dev.hindsight.build.BuildOptions;
import dev.hindsight.build.SiteBuild;
import dev.hindsight.serve.Preview;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hindsight serve}: a live preview for authors on localhost. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Build the site with drafts, serve it on localhost, and rebuild and reload open pages whenever a post-mortem,",
        "a template or hindsight.yaml changes. Problems show in the terminal and in a banner on the page. Ctrl-C stops."})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;

  @Option(names = {"-p", "--port"}, defaultValue = "4000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-t", "--templates"}, paramLabel = "DIR", description = "Templates that override the built-in ones.")
  Path templates;

  ServeCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    String problem = input.problem();
    if (problem != null) {
      context.err().println("hindsight serve: " + problem);
      return ExitCode.USAGE;
    }
    Path site = Files.createTempDirectory("hindsight-preview-").resolve("site");
    Optional<Path> templateDir = Optional.ofNullable(templates).or(() -> {
      Path beside = input.input.toAbsolutePath().normalize().getParent().resolve("templates");
      return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
    });
    BuildOptions options = new BuildOptions(input.input, site, templateDir, input.configFile(), true, false, false,
        AsOf.resolve(null, context.env(), context.clock()));
    try (Preview preview = new Preview(options, new SiteBuild(new Validator(), VersionProvider.version()), context.out())) {
      int actual = preview.start(port);
      context.out().printf("Serving the preview at http://127.0.0.1:%d/ (drafts included). Press Ctrl-C to stop.%n", actual);
      context.out().flush();
      Thread.currentThread().join();
    }
    return ExitCode.OK;
  }
}
