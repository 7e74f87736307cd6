package dev.hindsight.cli;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Incident;
import dev.hindsight.pdf.Agendas;
import dev.hindsight.render.TemplateSet;
import dev.hindsight.validate.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hindsight agenda ID}: the review meeting pack for the facilitator, as HTML and PDF. */
@Command(name = "agenda", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Write the agenda of an incident's post-mortem review meeting (HTML and PDF), with open questions and facilitation prompts.")
final class AgendaCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;
  @Mixin InputOptions input;
  @Mixin CacheOption cache;
  @Mixin SelectionOptions selection;

  @Parameters(paramLabel = "ID", description = "The incident's id (its file or folder name).")
  String id;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "agenda", description = "Where the files go (default: ${DEFAULT-VALUE}).")
  Path output;

  AgendaCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String problem = input.problem();
    if (problem != null) {
      context.err().println("hindsight agenda: " + problem);
      return ExitCode.USAGE;
    }
    Optional<ValidationResult> validated = input.validated(context, "agenda", cache);
    if (validated.isEmpty()) return ExitCode.INVALID;
    ValidationResult result = validated.get();
    List<Incident> included = result.incidents(true, selection.publicOnly);
    Optional<Incident> incident = included.stream().filter(i -> i.id().equals(id)).findFirst();
    if (incident.isEmpty()) {
      boolean internal = selection.publicOnly && result.incidents().stream().anyMatch(i -> i.id().equals(id));
      context.err().println("hindsight agenda: " + (internal ? "`" + id + "` is internal, so --public leaves it out" : "no incident has the id `" + id + "`"));
      return ExitCode.USAGE;
    }
    Analysis analysis = new Analyzer(result.config()).analyze(included, selection.asOf(context));
    List<Diagnostic> own = result.diagnostics().stream().filter(d -> d.location().file().equals(incident.get().file())).toList();
    Agendas agendas = new Agendas(new TemplateSet(Optional.empty()), result.config());
    Agendas.Agenda agenda = agendas.agenda(incident.get(), analysis, own);
    Files.createDirectories(output);
    Path html = output.resolve("agenda-" + id + ".html");
    Path pdf = output.resolve("agenda-" + id + ".pdf");
    Files.writeString(html, agendas.html(agenda), StandardCharsets.UTF_8);
    Files.write(pdf, agendas.pdf(agenda, analysis.asOf()));
    context.out().println("Wrote " + html + " and " + pdf);
    return ExitCode.OK;
  }
}
