package dev.hindsight.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DidYouMean;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.NodePath;
import dev.hindsight.load.YamlTreeReader;
import dev.hindsight.model.AnalysisSettings;
import dev.hindsight.model.BlamePhrase;
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

  /**
   * The configuration, or empty when the file cannot be read as YAML at all. Problems are reported
   * to {@code problems}; settings with problems fall back to their defaults.
   */
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
    // Lenient from here on: what the schema flagged is skipped, so that one typo in the
    // configuration does not turn into a cascade of errors in every incident.
    problems.addAll(schema.check(c, result.map()));

    SiteConfig d = SiteConfig.defaults();
    ZoneId zone = d.timeZone();
    if (c.path("time_zone").isTextual()) {
      try {
        zone = ZoneId.of(c.get("time_zone").asText());
      } catch (DateTimeException e) {
        String given = c.get("time_zone").asText();
        problems.add(Diagnostic.error(result.map().value(NodePath.ROOT.field("time_zone")), Code.HS502,
            "`" + given + "` is not a known time zone",
            DidYouMean.closest(given, ZoneId.getAvailableZoneIds()).map(z -> "did you mean `" + z + "`?")
                .orElse("use an IANA name such as Europe/Berlin, America/New_York or UTC")));
      }
    }
    List<SeverityLevel> severities = d.severities();
    List<SeverityLevel> levels = new ArrayList<>();
    for (JsonNode s : c.path("severities")) {
      text(s, "name").ifPresent(name -> levels.add(new SeverityLevel(name, text(s, "description"), levels.size())));
    }
    if (!levels.isEmpty()) severities = levels;
    List<String> categories = new ArrayList<>();
    c.path("rca_categories").forEach(n -> {
      if (n.isTextual()) categories.add(n.asText());
    });
    List<Team> teams = new ArrayList<>();
    for (JsonNode t : c.path("teams")) {
      List<String> members = new ArrayList<>();
      t.path("members").forEach(m -> members.add(m.asText()));
      text(t, "name").ifPresent(name -> teams.add(new Team(name, members)));
    }
    List<Slo> slos = new ArrayList<>();
    for (JsonNode s : c.path("slos")) {
      double target = s.path("target").asDouble(-1);
      int window = s.path("window_days").asInt(0);
      if (text(s, "name").isPresent() && target > 0 && target < 100 && window >= 1) {
        slos.add(new Slo(text(s, "name").get(), text(s, "description"), target, window));
      }
    }
    return Optional.of(new SiteConfig(
        text(c, "title").orElse(d.title()),
        text(c, "base_url").map(u -> u.endsWith("/") ? u : u + "/"),
        zone,
        text(c, "confidentiality").orElse(d.confidentiality()),
        severities, categories.isEmpty() ? d.rcaCategories() : categories, teams, slos,
        text(c, "ticket_url"), text(c, "repository_url"), analysis(c.path("analysis")), blamePhrases(c),
        text(c, "default_visibility").flatMap(v -> dev.hindsight.model.Labelled.parse(dev.hindsight.model.Visibility.class, v)).orElse(d.defaultVisibility())));
  }

  private static AnalysisSettings analysis(JsonNode a) {
    AnalysisSettings d = AnalysisSettings.DEFAULTS;
    return new AnalysisSettings(
        positive(a, "recurrence_window_days", d.recurrenceWindowDays(), 1),
        positive(a, "similar_incidents", d.similarIncidents(), 0),
        positive(a, "sev1_max_action_days", d.sev1MaxActionDays(), 1),
        positive(a, "publish_within_days", d.publishWithinDays(), 0));
  }

  private static int positive(JsonNode node, String field, int fallback, int min) {
    JsonNode v = node.get(field);
    return v != null && v.canConvertToInt() && v.isIntegralNumber() && v.asInt() >= min ? v.asInt() : fallback;
  }

  private static List<BlamePhrase> blamePhrases(JsonNode c) {
    if (!c.path("blame_phrases").isArray()) return BlamePhrase.DEFAULTS;
    List<BlamePhrase> phrases = new ArrayList<>();
    for (JsonNode p : c.get("blame_phrases")) {
      if (text(p, "phrase").isPresent() && text(p, "hint").isPresent()) phrases.add(new BlamePhrase(text(p, "phrase").get(), text(p, "hint").get()));
    }
    return phrases;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
