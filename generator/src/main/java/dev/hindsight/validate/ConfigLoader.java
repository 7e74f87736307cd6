package dev.hindsight.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DidYouMean;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.NodePath;
import dev.hindsight.load.YamlTreeReader;
import dev.hindsight.model.SeverityLevel;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Slo;
import dev.hindsight.model.Team;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and checks {@code hindsight.yaml}; without the file, every setting takes its default. */
public final class ConfigLoader {
  private final YamlTreeReader yaml;
  private final SchemaChecker schema = SchemaChecker.config();

  public ConfigLoader(YamlTreeReader yaml) {
    this.yaml = yaml;
  }

  /** The configuration, or empty when the file has errors (reported to {@code problems}). */
  public Optional<SiteConfig> load(Optional<Path> file, List<Diagnostic> problems) {
    if (file.isEmpty() || !Files.isRegularFile(file.get())) return Optional.of(SiteConfig.defaults());
    Path path = file.get();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(Diagnostic.error(Location.startOf(path), Code.HS004, "could not read the configuration: " + e.getMessage(), null));
      return Optional.empty();
    }
    YamlTreeReader.Result result = yaml.read(path, text, 1);
    problems.addAll(result.diagnostics());
    if (!result.diagnostics().isEmpty()) return Optional.empty();
    JsonNode c = result.tree();
    if (c == null) return Optional.of(SiteConfig.defaults());
    List<Diagnostic> schemaProblems = schema.check(c, result.map());
    problems.addAll(schemaProblems);
    if (!schemaProblems.isEmpty()) return Optional.empty();

    SiteConfig d = SiteConfig.defaults();
    ZoneId zone = d.timeZone();
    if (c.has("time_zone")) {
      try {
        zone = ZoneId.of(c.get("time_zone").asText());
      } catch (DateTimeException e) {
        String given = c.get("time_zone").asText();
        problems.add(Diagnostic.error(result.map().value(NodePath.ROOT.field("time_zone")), Code.HS502,
            "`" + given + "` is not a known time zone",
            DidYouMean.closest(given, ZoneId.getAvailableZoneIds()).map(z -> "did you mean `" + z + "`?")
                .orElse("use an IANA name such as Europe/Berlin, America/New_York or UTC")));
        return Optional.empty();
      }
    }
    List<SeverityLevel> severities = d.severities();
    if (c.has("severities")) {
      List<SeverityLevel> levels = new ArrayList<>();
      JsonNode s = c.get("severities");
      for (int i = 0; i < s.size(); i++) {
        levels.add(new SeverityLevel(s.get(i).get("name").asText(), text(s.get(i), "description"), i));
      }
      severities = levels;
    }
    List<String> categories = d.rcaCategories();
    if (c.has("rca_categories")) {
      categories = new ArrayList<>();
      for (JsonNode n : c.get("rca_categories")) categories.add(n.asText());
    }
    List<Team> teams = new ArrayList<>();
    for (JsonNode t : c.path("teams")) {
      List<String> members = new ArrayList<>();
      t.path("members").forEach(m -> members.add(m.asText()));
      teams.add(new Team(t.get("name").asText(), members));
    }
    List<Slo> slos = new ArrayList<>();
    for (JsonNode s : c.path("slos")) {
      slos.add(new Slo(s.get("name").asText(), text(s, "description"), s.get("target").asDouble(), s.get("window_days").asInt()));
    }
    return Optional.of(new SiteConfig(
        text(c, "title").orElse(d.title()),
        text(c, "base_url").map(u -> u.endsWith("/") ? u : u + "/"),
        zone,
        text(c, "confidentiality").orElse(d.confidentiality()),
        severities, categories, teams, slos,
        text(c, "ticket_url"), text(c, "repository_url")));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
