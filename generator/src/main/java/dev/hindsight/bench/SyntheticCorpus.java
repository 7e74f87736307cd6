package dev.hindsight.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic corpus of realistic post-mortems for benchmarks: the same seed and
 * count give the same bytes on every machine. About 40 services, 30 teams and three years of
 * incidents; each has a 1–6 KB narrative with a table and SQL code blocks, 6–12 timeline entries,
 * 2–3 metric series of 30–60 points and 2–6 actions, and validates without errors. With a Hugo
 * folder, the same incidents are also written as a Hugo site with a minimal layout of equivalent
 * pages (incident page with timeline, actions and highlighted code; index; service and tag pages),
 * so that both generators are measured on the same work.
 */
public final class SyntheticCorpus {
  static final List<String> CATEGORIES = List.of("deadlock", "query-performance", "missing-index", "replication-lag", "failover",
      "capacity", "config-change", "deployment", "schema-migration", "data-consistency", "dependency", "network");
  private static final String[] SYSTEMS = {"orders", "payments", "catalog", "inventory", "search", "checkout", "billing", "ledger",
      "identity", "shipping"};
  private static final String[] KINDS = {"db", "api", "replica", "worker"};
  private static final String[] TAGS = {"postgres", "mysql", "deadlock", "lock-contention", "vacuum", "index-bloat", "replication",
      "wal", "pgbouncer", "connection-pool", "failover", "patroni", "disk-full", "io-saturation", "schema-migration", "backfill",
      "partitioning", "query-plan", "full-table-scan", "missing-index", "cache", "dns", "tls", "kafka", "debezium", "terraform",
      "feature-flag", "batch-job", "peak-traffic", "black-week", "monitoring-gap", "runbook", "alerting", "autovacuum", "xid",
      "hot-standby", "stale-reads", "retry-storm", "timeout", "rate-limit"};
  private static final String[] REGIONS = {"DE", "AT", "CH", "NL", "BE", "FR", "PL", "IT", "ES", "SE"};
  private static final String[] KIND_LABELS = {"cause", "detection", "escalation", "action", "communication", "mitigation"};
  private static final String[] TYPES = {"prevent", "detect", "mitigate", "process"};
  private static final String[] FIRST = {"maria", "jonas", "priya", "tom", "lena", "sam", "aiko", "omar", "eva", "chris", "nina",
      "ravi", "sofia", "lukas", "mei", "ahmed", "clara", "ivan", "zoe", "kofi"};
  private static final String[] LAST = {"santos", "berg", "nair", "okafor", "fischer", "keller", "tanaka", "haddad", "novak",
      "morgan", "petrova", "shah", "rossi", "weber", "lin", "farouk", "meyer", "popov", "adams", "mensah"};
  private static final String[] WORDS = ("latency rose when the planner switched to a sequential scan over the partition while autovacuum "
      + "lagged behind the write rate and the connection pool filled with idle transactions holding locks on hot rows; replication "
      + "lag grew as the replica replayed a large batch and the application read stale order status from it until the circuit "
      + "breaker routed reads back to the primary; the index on created_at was bloated after the mass update and the query plan "
      + "estimated far fewer rows than it read").split(" ");
  private static final DateTimeFormatter AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final LocalDate FIRST_DAY = LocalDate.of(2023, 12, 1);
  private static final int DAYS = 3 * 365;

  private final int count;
  private final long seed;
  private final List<String> services = new ArrayList<>();
  private final List<String> teams = new ArrayList<>();
  private final List<List<String>> members = new ArrayList<>();

  public SyntheticCorpus(int count, long seed) {
    if (count < 1) throw new IllegalArgumentException("count must be at least 1");
    this.count = count;
    this.seed = seed;
    for (String system : SYSTEMS) {
      for (String kind : KINDS) services.add(system + "-" + kind);
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int t = 0; t < 30; t++) {
      teams.add(SYSTEMS[t % SYSTEMS.length] + "-" + (t < 10 ? "dba" : t < 20 ? "sre" : "dev"));
      List<String> people = new ArrayList<>();
      for (int m = 0; m < 3; m++) people.add(FIRST[r.nextInt(FIRST.length)] + "." + LAST[r.nextInt(LAST.length)] + (t * 3 + m));
      members.add(people);
    }
  }

  /** Writes {@code postmortems/} and {@code hindsight.yaml} into {@code root}; returns the incidents' ids. */
  public List<String> write(Path root) throws IOException {
    Path input = Files.createDirectories(root.resolve("postmortems"));
    Files.writeString(root.resolve("hindsight.yaml"), config());
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Incident inc = incident(i);
      ids.add(inc.id);
      try (Writer w = Files.newBufferedWriter(input.resolve(inc.id + ".md"), StandardCharsets.UTF_8)) {
        w.write("---\n");
        w.write(inc.frontMatter);
        w.write("---\n");
        w.write(inc.narrative);
      }
    }
    return ids;
  }

  /** Writes the same incidents as a Hugo site into {@code root} (content/, layouts/, hugo.yaml). */
  public void writeHugo(Path root) throws IOException {
    Path content = Files.createDirectories(root.resolve("content/incidents"));
    HugoLayout.write(root);
    for (int i = 0; i < count; i++) {
      Incident inc = incident(i);
      try (Writer w = Files.newBufferedWriter(content.resolve(inc.id + ".md"), StandardCharsets.UTF_8)) {
        w.write("---\n");
        w.write(inc.frontMatter.replaceFirst("(?m)^started: ", "date: "));
        w.write("---\n");
        w.write(inc.narrative);
      }
    }
  }

  private String config() {
    StringBuilder sb = new StringBuilder("title: Synthetic benchmark corpus\ntime_zone: Europe/Berlin\nteams:\n");
    for (int t = 0; t < teams.size(); t++) {
      sb.append("  - name: ").append(teams.get(t)).append("\n    members: [").append(String.join(", ", members.get(t))).append("]\n");
    }
    sb.append("slos:\n");
    for (String s : List.of("checkout-availability", "orders-latency", "payments-availability")) {
      sb.append("  - name: ").append(s).append("\n    target: 99.9\n    window_days: 30\n");
    }
    return sb.toString();
  }

  private record Incident(String id, String frontMatter, String narrative) {}

  private Incident incident(int i) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    LocalDate day = FIRST_DAY.plusDays((long) i * DAYS / count);
    String service = services.get(r.nextInt(services.size()));
    String category = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
    String id = day + "-" + service + "-" + category + "-" + i;
    int sev = pick(r, 5, 25, 45, 25);
    String severity = "SEV" + (sev + 1);
    OffsetDateTime started = day.atTime(6 + r.nextInt(14), r.nextInt(60)).atOffset(ZoneOffset.ofHours(1));
    OffsetDateTime detected = started.plusMinutes(1 + r.nextInt(45));
    OffsetDateTime mitigated = detected.plusMinutes(5 + r.nextInt(150));
    OffsetDateTime resolved = mitigated.plusMinutes(10 + r.nextInt(400));
    int teamIndex = r.nextInt(teams.size());
    List<String> people = members.get(teamIndex);

    StringBuilder y = new StringBuilder(4096);
    y.append("title: \"").append(capital(category.replace('-', ' '))).append(" on ").append(service).append(": ")
        .append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(WORDS[r.nextInt(WORDS.length)]).append(" after change ").append(i).append("\"\n");
    y.append("status: published\nseverity: ").append(severity).append('\n');
    y.append("summary: >-\n  ").append(sentence(r, 40)).append("\n  ").append(sentence(r, 30)).append('\n');
    y.append("started: ").append(AT.format(started)).append('\n');
    y.append("detected: ").append(AT.format(detected)).append('\n');
    y.append("mitigated: ").append(AT.format(mitigated)).append('\n');
    y.append("resolved: ").append(AT.format(resolved)).append('\n');
    String second = services.get(r.nextInt(services.size()));
    y.append("services: [").append(service).append(second.equals(service) ? "" : ", " + second).append("]\n");
    java.util.Set<String> tags = new java.util.LinkedHashSet<>(List.of(category));
    for (int t = 0, n = 1 + r.nextInt(4); t < n; t++) tags.add(TAGS[(i * 7 + t * 13 + r.nextInt(5)) % TAGS.length]);
    y.append("tags: [").append(String.join(", ", tags)).append("]\n");
    y.append("authors: [").append(people.get(0)).append(", ").append(people.get(1)).append("]\n");
    y.append("facilitator: ").append(people.get(2)).append('\n');
    y.append("impact:\n  summary: ").append(sentence(r, 14)).append("\n  users_affected: ").append(100 + r.nextInt(50_000))
        .append("\n  regions: [").append(REGIONS[r.nextInt(5)]).append(", ").append(REGIONS[5 + r.nextInt(5)]).append("]\n")
        .append("  revenue_loss: {amount: ").append(500 + r.nextInt(200_000)).append(", currency: EUR}\n")
        .append("  slo: ").append(List.of("checkout-availability", "orders-latency", "payments-availability").get(r.nextInt(3))).append('\n')
        .append("  blast_radius: >-\n    ").append(sentence(r, 24)).append('\n');

    int entries = 6 + r.nextInt(7);
    y.append("timeline:\n");
    long span = java.time.Duration.between(started, resolved).toMinutes();
    OffsetDateTime previous = started;
    for (int e = 0; e < entries; e++) {
      OffsetDateTime at = e == 0 ? started : e == 1 ? detected : e == entries - 1 ? resolved : started.plusMinutes(span * e / entries);
      if (at.isBefore(previous)) at = previous;
      previous = at;
      String kind = e == 0 ? "cause" : e == 1 ? "detection" : e == entries - 1 ? "resolution" : KIND_LABELS[2 + r.nextInt(KIND_LABELS.length - 2)];
      y.append("  - id: t").append(e).append("\n    at: ").append(AT.format(at)).append("\n    kind: ").append(kind)
          .append("\n    event: \"").append(sentence(r, 10 + r.nextInt(14))).append("\"\n");
      if (e < 2) y.append("    evidence: m0\n");
    }

    int metrics = 2 + r.nextInt(2);
    y.append("metrics:\n");
    for (int m = 0; m < metrics; m++) {
      int points = 30 + r.nextInt(31);
      y.append("  - id: m").append(m).append("\n    title: ").append(m == 0 ? "p99 latency of " + service : "Errors on " + service)
          .append("\n    unit: ").append(m == 0 ? "ms" : "\"%\"").append("\n    threshold: ").append(m == 0 ? 500 : 1)
          .append("\n    source: \"Prometheus: ").append(service).append("\"\n    points:\n");
      OffsetDateTime from = started.minusMinutes(30);
      long step = Math.max(1, (span + 60) / points);
      double base = m == 0 ? 80 + r.nextInt(60) : 0.1 + r.nextDouble();
      for (int p = 0; p < points; p++) {
        OffsetDateTime t = from.plusMinutes(step * p);
        boolean during = !t.isBefore(started) && t.isBefore(mitigated);
        double v = base * (during ? 4 + r.nextDouble() * 6 : 0.8 + r.nextDouble() * 0.4);
        y.append("      - [").append(AT.format(t)).append(", ").append(Math.round(v * 100) / 100.0).append("]\n");
      }
    }

    y.append("rca:\n  category: ").append(category).append("\n  trigger: ").append(sentence(r, 16)).append("\n  root_causes:\n");
    for (int c = 0, n = 1 + r.nextInt(2); c < n; c++) {
      y.append("    - description: >-\n        The system ").append(sentence(r, 26)).append("\n      evidence: [t0, m0]\n");
    }
    y.append("  contributing_factors:\n");
    for (int c = 0, n = 1 + r.nextInt(2); c < n; c++) {
      y.append("    - description: >-\n        The runbook ").append(sentence(r, 20)).append("\n      evidence: [t1, m").append(metrics - 1).append("]\n");
    }

    int actions = 2 + r.nextInt(5);
    y.append("actions:\n");
    LocalDate asOfLimit = day.plusDays(sev == 0 ? 25 : 60);
    for (int a = 0; a < actions; a++) {
      String type = a == 0 ? "prevent" : a == 1 ? "detect" : TYPES[r.nextInt(TYPES.length)];
      LocalDate due = day.plusDays(3 + r.nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(day, asOfLimit) - 2));
      boolean done = r.nextInt(100) < 70;
      y.append("  - id: A").append(a + 1).append("\n    title: ").append(capital(WORDS[r.nextInt(WORDS.length)])).append(' ')
          .append(sentence(r, 6)).append("\n    owner: ").append(a % 2 == 0 ? teams.get(teamIndex) : people.get(a % 3))
          .append("\n    due: ").append(due).append("\n    type: ").append(type).append("\n    priority: P").append(1 + r.nextInt(3))
          .append("\n    status: ").append(done ? "done" : "open").append('\n');
      if (done) y.append("    done_on: ").append(due.minusDays(r.nextInt(3))).append('\n');
      y.append("    ticket: OPS-").append(1000 + i * 7 + a).append('\n');
    }
    y.append("published_on: ").append(day.plusDays(2)).append('\n');
    y.append("follow_up:\n  review_on: ").append(day.plusDays(14)).append('\n');
    return new Incident(id, y.toString(), narrative(r, service, category));
  }

  /** 1–6 KB of Markdown: headings, paragraphs, a table, a SQL block and a query plan. */
  private static String narrative(SplittableRandom r, String service, String category) {
    StringBuilder n = new StringBuilder(6000);
    int target = 1000 + r.nextInt(5000);
    n.append("\n## What happened\n\n").append(paragraph(r)).append("\n\n");
    n.append("| Metric | Before | During | After |\n|---|---|---|---|\n");
    for (int row = 0; row < 3 + r.nextInt(4); row++) {
      n.append("| ").append(WORDS[r.nextInt(WORDS.length)]).append(" | ").append(r.nextInt(100)).append(" | ").append(r.nextInt(1000))
          .append(" | ").append(r.nextInt(100)).append(" |\n");
    }
    n.append("\n## The query\n\n```sql\nSELECT o.id, o.status, sum(l.amount)\n  FROM orders o\n  JOIN order_lines l ON l.order_id = o.id\n WHERE o.created_at > now() - interval '")
        .append(1 + r.nextInt(30)).append(" days'\n   AND o.service = '").append(service).append("'\n GROUP BY o.id, o.status\n ORDER BY o.id DESC\n LIMIT ")
        .append(50 + r.nextInt(500)).append(";\n```\n\n");
    n.append("```\nLimit  (cost=0.43..").append(r.nextInt(90000)).append(".12 rows=100 width=48)\n  ->  Nested Loop  (actual time=0.051..")
        .append(r.nextInt(9000)).append(".3 rows=")
        .append(r.nextInt(100000)).append(" loops=1)\n        ->  Seq Scan on orders o  (rows=").append(r.nextInt(1_000_000)).append(")\n```\n\n");
    n.append("## Why (").append(category).append(")\n\n");
    while (n.length() < target) n.append(paragraph(r)).append("\n\n");
    return n.toString();
  }

  private static String paragraph(SplittableRandom r) {
    StringBuilder p = new StringBuilder();
    for (int s = 0, n = 3 + r.nextInt(4); s < n; s++) p.append(capital(sentence(r, 12 + r.nextInt(14)))).append(' ');
    return p.toString().strip();
  }

  private static String sentence(SplittableRandom r, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) s.append(' ');
      s.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return s.append('.').toString().replace(";.", ".").replace(";", ",");
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static int pick(SplittableRandom r, int... weights) {
    int total = 0;
    for (int w : weights) total += w;
    int x = r.nextInt(total);
    for (int k = 0; k < weights.length; k++) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return weights.length - 1;
  }
}
