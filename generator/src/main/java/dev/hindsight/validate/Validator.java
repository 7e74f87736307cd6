package dev.hindsight.validate;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.load.CorpusScanner;
import dev.hindsight.load.DocumentReader;
import dev.hindsight.load.IncidentReader;
import dev.hindsight.load.SourceDocument;
import dev.hindsight.load.YamlTreeReader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loads and validates a whole corpus: configuration, then every file in parallel (read, schema,
 * model, per-incident rules), then the rules across incidents. All problems of all files are
 * collected; nothing stops at the first.
 */
public final class Validator {
  private final YamlTreeReader yaml = new YamlTreeReader();
  private final DocumentReader documents = new DocumentReader(yaml);
  private final SchemaChecker schema = SchemaChecker.incidents();
  private final IncidentReader incidents = new IncidentReader();
  private final CorpusScanner scanner = new CorpusScanner();
  private final SecretScan secrets = new SecretScan();

  public ValidationResult validate(Path inputRoot, Optional<Path> configFile) {
    List<Diagnostic> configProblems = new ArrayList<>();
    Optional<SiteConfig> loaded = new ConfigLoader(yaml).load(configFile, configProblems);
    Diagnostics all = new Diagnostics();
    all.addAll(configProblems);
    SiteConfig config = loaded.orElse(SiteConfig.defaults());
    IncidentChecks checks = new IncidentChecks(config, loaded.isPresent());
    Lints lints = new Lints(config);

    List<Diagnostic> scanProblems = new ArrayList<>();
    List<Path> files = scanner.scan(inputRoot, scanProblems);
    all.addAll(scanProblems);
    List<ValidatedIncident> valid = files.parallelStream()
        .map(file -> validateFile(inputRoot, file, checks, lints, all))
        .flatMap(Optional::stream)
        .toList();
    all.addAll(new CorpusChecks().check(valid));

    List<Incident> sorted = valid.stream().map(ValidatedIncident::incident)
        .sorted(Comparator.comparing(Incident::started).reversed().thenComparing(Incident::id))
        .toList();
    return new ValidationResult(config, sorted, all.sorted(), files.size());
  }

  private Optional<ValidatedIncident> validateFile(Path inputRoot, Path file, IncidentChecks checks, Lints lints, Diagnostics all) {
    List<Diagnostic> problems = new ArrayList<>();
    try {
      Optional<SourceDocument> doc = documents.read(inputRoot, file, problems);
      if (doc.isEmpty()) return Optional.empty();
      problems.addAll(schema.check(doc.get().data(), doc.get().map()));
      Optional<Incident> incident = incidents.read(doc.get(), problems);
      if (incident.isEmpty()) return Optional.empty();
      problems.addAll(checks.check(incident.get(), doc.get()));
      problems.addAll(lints.check(incident.get(), doc.get()));
      problems.addAll(secrets.check(doc.get()));
      return Optional.of(ValidatedIncident.of(incident.get(), doc.get()));
    } finally {
      all.addAll(problems);
    }
  }
}
