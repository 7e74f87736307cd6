package dev.hindsight.scaffold;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the skeleton of a new incident: every field, with short prompts that steer the author
 * towards blameless, data-backed writing. The skeleton is a valid draft as it stands.
 */
public final class IncidentScaffold {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** What the author told us up front. */
  public record Request(String title, String severity, List<String> services, OffsetDateTime started, List<String> categories) {
    public Request {
      Objects.requireNonNull(title);
      Objects.requireNonNull(severity);
      services = List.copyOf(services);
      Objects.requireNonNull(started);
      categories = List.copyOf(categories);
    }
  }

  /** The file name for an incident: {@code <date>-<slug>.md}. */
  public static String fileName(Request r) {
    return r.started().toLocalDate() + "-" + slug(r.title()) + ".md";
  }

  /** A URL- and file-safe slug of a title: ASCII, lower case, dashes, at most 60 characters. */
  public static String slug(String title) {
    return dev.hindsight.model.Slugs.of(title, "incident");
  }

  public String render(Request r) {
    String started = ISO.format(r.started().truncatedTo(ChronoUnit.MINUTES));
    String review = r.started().toLocalDate().plusDays(14).toString();
    String services = r.services().isEmpty() ? "[your-service]   # the services affected, e.g. orders-db, checkout-api" : "[" + String.join(", ", r.services()) + "]";
    return """
        ---
        # Hindsight post-mortem. Every field is described in docs/incident-format.md.
        # Blameless: write what the system allowed to happen, not who slipped.
        # Data-backed: back every claim with a metric, a log line or a query plan.
        title: %s
        status: draft        # draft -> review -> published (published needs summary, rca and actions)
        severity: %s         # SEV1 (worst) .. SEV4, see hindsight.yaml
        summary: >-
          In two or three plain sentences for an executive: what happened, who was
          affected and for how long, and what we are doing so it does not happen again.
        started: %s    # when impact began (ISO-8601 with offset)
        # detected: %s # when we knew: the alert or the first report
        # mitigated: %s # when user impact stopped
        # resolved: %s # when everything was back to normal
        services: %s
        tags: []             # e.g. [postgres, lock-contention]
        authors: []
        # facilitator: who ran the post-mortem review
        impact:
          summary: Who noticed what? Failed checkouts, slow pages, stale data?
          # users_affected: 12000
          # regions: [EU]
          # revenue_loss: {amount: 25000, currency: EUR}
          # slo: checkout-availability   # an SLO from hindsight.yaml
          blast_radius: What was affected, and what was not (which services kept working)?
        timeline:
          # kinds: cause, detection, escalation, action, communication, mitigation, resolution
          - at: %s
            kind: cause
            event: What changed or started? (a deploy, a query, a config change, a load spike)
            # evidence: a metric id below, a file beside this one, or an https:// link
        metrics: []
          # - id: query_time
          #   title: p99 query execution time
          #   unit: ms
          #   threshold: 500
          #   points:
          #     - [%s, 42]
          # or, in an incident folder:  file: query_time.csv   (header: time,value)
        rca:
          category: other    # %s
          trigger: What set it off?
          root_causes:
            - description: What did the system allow? (a missing index, no alert on per-query latency...)
              evidence: []   # metric ids, timeline ids, files such as plan.txt, or URLs
          contributing_factors: []
        actions: []
          # - id: A1
          #   title: Add the missing index on orders.created_at
          #   owner: dba                 # a team or person from hindsight.yaml
          #   due: %s
          #   type: prevent              # mitigate | prevent | detect | process
          #   priority: P1               # P1 | P2 | P3
          #   status: open               # open | in-progress | done | wont-do
          #   ticket: DBA-123
        # follow_up:
        #   review_on: %s         # when we check the actions
        related: []          # ids of earlier incidents with the same cause
        ---

        ## What happened

        <!-- The story in order, in plain words. Link the timeline and the charts. -->

        ## Impact

        <!-- Users, regions, revenue, error budget. Numbers, with where they come from. -->

        ## Root cause

        <!-- Why the system let this happen. Quote the query plan, the metric, the log line. -->

        ## What went well

        ## What went wrong

        <!-- Gaps in the system (monitoring, tests, limits), not in people. -->

        ## Where we got lucky

        ## Lessons learned
        """.formatted(yamlString(r.title()), r.severity(), started, started, started, started, services, started, started,
        String.join(", ", r.categories()), review, review);
  }

  /** A YAML double-quoted scalar. */
  static String yamlString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) sb.append(String.format("\\x%02x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }
}
