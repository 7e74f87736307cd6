package dev.hindsight.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/** Site-wide settings from {@code hindsight.yaml}; {@link #defaults()} applies without the file. */
public record SiteConfig(
    String title,
    Optional<String> baseUrl,
    ZoneId timeZone,
    String confidentiality,
    List<SeverityLevel> severities,
    List<String> rcaCategories,
    List<Team> teams,
    List<Slo> slos,
    Optional<String> ticketUrl,
    Optional<String> repositoryUrl,
    AnalysisSettings analysis,
    List<BlamePhrase> blamePhrases,
    Visibility defaultVisibility) {

  public static final List<String> DEFAULT_RCA_CATEGORIES = List.of(
      "deadlock", "query-performance", "missing-index", "replication-lag", "failover", "capacity",
      "config-change", "deployment", "schema-migration", "data-consistency", "dependency", "network",
      "hardware", "security", "other");

  public static final List<String> DEFAULT_SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");

  public SiteConfig {
    Objects.requireNonNull(title);
    Objects.requireNonNull(baseUrl);
    Objects.requireNonNull(timeZone);
    Objects.requireNonNull(confidentiality);
    if (severities.isEmpty()) throw new IllegalArgumentException("the severity scale needs at least one level");
    severities = List.copyOf(severities);
    rcaCategories = List.copyOf(rcaCategories);
    teams = List.copyOf(teams);
    slos = List.copyOf(slos);
    Objects.requireNonNull(ticketUrl);
    Objects.requireNonNull(repositoryUrl);
    Objects.requireNonNull(analysis);
    blamePhrases = List.copyOf(blamePhrases);
    Objects.requireNonNull(defaultVisibility);
  }

  public static SiteConfig defaults() {
    return new SiteConfig("Post-mortems", Optional.empty(), ZoneOffset.UTC, "Internal",
        levels(DEFAULT_SEVERITIES), DEFAULT_RCA_CATEGORIES, List.of(), List.of(), Optional.empty(), Optional.empty(),
        AnalysisSettings.DEFAULTS, BlamePhrase.DEFAULTS, Visibility.PUBLIC);
  }

  /** The settings a {@code --public} build publishes under: the footer label says "Public". */
  public SiteConfig forPublic() {
    return new SiteConfig(title, baseUrl, timeZone, "Public", severities, rcaCategories, teams, slos, ticketUrl, repositoryUrl, analysis,
        blamePhrases, defaultVisibility);
  }

  public static List<SeverityLevel> levels(List<String> names) {
    return IntStream.range(0, names.size()).mapToObj(i -> new SeverityLevel(names.get(i), Optional.empty(), i)).toList();
  }

  public List<String> severityNames() {
    return severities.stream().map(SeverityLevel::name).toList();
  }

  /** The rank of a severity (0 = most severe); unknown levels sort last. */
  public int severityRank(String name) {
    return severities.stream().filter(s -> s.name().equals(name)).mapToInt(SeverityLevel::rank).findFirst().orElse(severities.size());
  }

  /** The teams an owner belongs to: the team itself when the owner is a team name. */
  public List<String> teamsOf(String owner) {
    return teams.stream().filter(t -> t.name().equals(owner) || t.members().contains(owner)).map(Team::name).toList();
  }

  /** The link to a ticket, from {@code ticket_url} with {@code {ticket}} replaced by the key (URL-encoded). */
  public Optional<String> ticketLink(String key) {
    String encoded = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    return ticketUrl.map(u -> u.replace("{ticket}", encoded));
  }

  public Optional<Slo> slo(String name) {
    return slos.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Whether {@code owner} is a known team or team member; true when no teams are configured. */
  public boolean knowsOwner(String owner) {
    return teams.isEmpty() || teams.stream().anyMatch(t -> t.name().equals(owner) || t.members().contains(owner));
  }

  public List<String> ownerNames() {
    return teams.stream().flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t.name()), t.members().stream())).toList();
  }
}
