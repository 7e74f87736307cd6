package dev.hindsight.cli;

import dev.hindsight.build.BuildOptions;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteBuild;
import dev.hindsight.diagnostic.Reporter;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hindsight build}: validates, then renders the site and swaps it in atomically. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Validate, then build the static site. Nothing is published when there are errors;",
        "the previous output stays as it was until the new site is complete."})
final class BuildCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;
  @Mixin ReportOptions report;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "site-output",
      description = "Where the site goes (default: ${DEFAULT-VALUE}). Replaced whole by each build.")
  Path output;

  @Option(names = {"-t", "--templates"}, paramLabel = "DIR",
      description = "Templates that override the built-in ones, file by file (default: templates/ beside the input folder, if present).")
  Path templates;

  @Mixin SelectionOptions selection;

  @Option(names = "--briefs", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Write the executive PDF briefs (default); --no-briefs skips them for a quick preview.")
  boolean briefs;

  @Option(names = "--force",
      description = "Replace an output folder that holds other files (no .hindsight-site marker). The input folder, its parents and repository roots are refused even so.")
  boolean force;

  @Option(names = "--cache", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Reuse what earlier builds validated and rendered from .hindsight-cache/ beside the output (default); --no-cache checks and renders everything.")
  boolean cache;

  @Option(names = "--full",
      description = "Render every page and file again (with the cache), even where only narratives changed since the last build and a quick rebuild would render only their pages and the search index.")
  boolean full;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems: no progress line, no summary.")
  boolean quiet;

  BuildCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String problem = input.problem();
    if (problem == null && templates != null && !Files.isDirectory(templates)) {
      problem = "the templates folder " + templates + " does not exist";
    }
    if (problem != null) {
      context.err().println("hindsight build: " + problem);
      return ExitCode.USAGE;
    }
    BuildOptions options = new BuildOptions(input.input, output, templatesFolder(), input.configFile(), selection.drafts, report.strict, briefs,
        selection.asOf(context), selection.publicOnly, force, cache, !full);
    ProgressLine line = new ProgressLine(context.err(), !quiet && System.console() != null && context.env().get("CI") == null);
    BuildResult result = new SiteBuild(new Validator(), VersionProvider.version(), line::show).build(options);
    line.clear();
    if (!result.diagnostics().isEmpty() || !result.published()) {
      new Reporter(report.format, context.err()).report(result.diagnostics(), result.files());
    }
    if (!result.published()) {
      context.err().println("hindsight build: nothing was published; " + output + " is unchanged.");
      return ExitCode.INVALID;
    }
    if (quiet) return ExitCode.OK;
    context.out().printf("Built %d pages (%d unchanged, reused) and %d PDF briefs (%d unchanged, reused) from %d incident files into %s in %d ms.%n",
        result.pages(), result.pagesReused(), result.briefsRendered() + result.briefsReused(), result.briefsReused(), result.files(), output,
        result.millis());
    if (result.quick()) {
      int rendered = result.pagesRendered();
      context.out().println(rendered == 0 ? "Quick rebuild: no incident changed since the last build, so the site was left as it is; --full renders everything again."
          : "Quick rebuild: only narratives (or files shown on their own pages) changed, so only " + (rendered == 1 ? "that incident's page" : "those " + rendered + " incidents' pages")
          + " and the search index were rendered; --full renders everything.");
    }
    return ExitCode.OK;
  }

  private Optional<Path> templatesFolder() {
    if (templates != null) return Optional.of(templates);
    Path parent = input.input.toAbsolutePath().normalize().getParent();
    if (parent == null) return Optional.empty();
    Path beside = parent.resolve("templates");
    return Files.isDirectory(beside) ? Optional.of(InputOptions.relativeIfPossible(beside)) : Optional.empty();
  }

}
