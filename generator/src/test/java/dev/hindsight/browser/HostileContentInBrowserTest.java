package dev.hindsight.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Over a hundred XSS and template-injection payloads (after the OWASP filter-evasion cheat sheet)
 * go into every free-text field of an incident and its narrative; the site and the briefs are
 * built, every page is opened in Chromium with hooks installed before any page script, and
 * nothing may run: no hook call, no alert, no script element added.
 */
class HostileContentInBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOKS = """
      window.__xssHits = [];
      window.__xss = function () { window.__xssHits.push(location.pathname); };
      ['alert', 'confirm', 'prompt', 'print'].forEach(function (n) { window[n] = function () { window.__xssHits.push(n + ' ' + location.pathname); }; });
      document.addEventListener('DOMContentLoaded', function () {
        new MutationObserver(function (records) {
          records.forEach(function (r) { r.addedNodes.forEach(function (n) {
            if (n.nodeName === 'SCRIPT' || n.nodeName === 'IFRAME' || n.nodeName === 'OBJECT' || n.nodeName === 'EMBED') window.__xssHits.push('added ' + n.nodeName);
          }); });
        }).observe(document, { childList: true, subtree: true });
      });
      """;

  @Test
  void noPayloadRunsInAnyPage(@TempDir Path dir) throws Exception {
    Browser.assumeInstalled();
    List<String> payloads = new ArrayList<>(Files.readAllLines(TestPaths.resource("xss/payloads.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList());
    payloads.add("bell \u0007 escape \u001b[31m nul-ish \u0001 del \u007f line\u2028separator");
    assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    Files.writeString(dir.resolve("hindsight.yaml"), "base_url: https://postmortems.example/\ntime_zone: Europe/Berlin\n"
        + "ticket_url: https://tickets.example/browse/{ticket}\nrepository_url: https://git.example/pm/\n");
    for (int k = 0; k < payloads.size(); k++) {
      Files.writeString(input.resolve(String.format("2025-01-01-p%03d.md", k)), incident(k, payloads.get(k)), StandardCharsets.UTF_8);
    }
    Path site = dir.resolve("site");
    CliRun run = CliRun.run("build", "--drafts", "--input", input.toString(), "--output", site.toString(), "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);

    List<String> pages;
    try (Stream<Path> walk = Files.walk(site)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
    List<String> ran = new ArrayList<>();
    try (StaticServer server = new StaticServer(site)) {
      ChromeDriver browser = Browser.start(1280, 900);
      try {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOKS));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // The control: a page that does run a payload must be caught, or this test proves nothing.
        Files.writeString(site.resolve("control.html"), "<!DOCTYPE html><title>c</title><img src=x onerror=__xss()><script>alert(1)</script>");
        browser.get(server.url("control.html"));
        Object control = ((JavascriptExecutor) browser).executeAsyncScript(
            "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.__xssHits), 60);");
        assertThat((List<?>) control).as("the hooks catch a payload that runs").hasSize(2);
        for (String page : pages) {
          browser.get(server.url(page));
          Object hits = ((JavascriptExecutor) browser).executeAsyncScript(
              "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.__xssHits), 60);");
          for (Object h : (List<?>) hits) ran.add(page + ": " + h);
        }
        // Search snippets are built in the page from indexed text: type a payload and look again.
        browser.get(server.url(""));
        ((JavascriptExecutor) browser).executeScript(
            "const i = document.getElementById('search-input'); i.value = 'script onerror javascript'; i.dispatchEvent(new Event('input'));");
        Object hits = ((JavascriptExecutor) browser).executeAsyncScript(
            "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.__xssHits), 800);");
        for (Object h : (List<?>) hits) ran.add("search: " + h);
      } finally {
        browser.quit();
      }
    }
    assertThat(pages).hasSizeGreaterThan(payloads.size());
    assertThat(ran).as("payloads that ran, out of " + payloads.size() + " in every field of " + pages.size() + " pages").isEmpty();
    try (Stream<Path> pdfs = Files.list(site.resolve("briefs"))) {
      assertThat(pdfs.count()).as("every brief was written despite the payloads").isGreaterThanOrEqualTo(payloads.size());
    }
  }

  /** A YAML double-quoted scalar: JSON's escaping plus YAML's for characters YAML will not take raw. */
  private static String yaml(String s) throws Exception {
    return JSON.writeValueAsString(s).replace("\u007f", "\\u007F").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static String incident(int k, String payload) throws Exception {
    String p = yaml(payload);
    String title = yaml(("P" + k + " " + payload).substring(0, Math.min(150, payload.length() + 2 + String.valueOf(k).length())));
    return """
        ---
        title: %s
        status: review
        severity: SEV3
        summary: %s
        started: 2025-01-01T10:00:00+01:00
        detected: 2025-01-01T10:05:00+01:00
        mitigated: 2025-01-01T10:30:00+01:00
        resolved: 2025-01-01T11:00:00+01:00
        services: [orders-db]
        authors: [%s]
        facilitator: %s
        impact:
          summary: %s
          regions: [%s]
          blast_radius: %s
        timeline:
          - at: 2025-01-01T10:00:00+01:00
            kind: cause
            event: %s
        metrics:
          - id: m
            title: %s
            unit: %s
            source: %s
            points:
              - [2025-01-01T10:00:00+01:00, 1]
              - [2025-01-01T10:30:00+01:00, 9]
        rca:
          category: other
          trigger: %s
          root_causes:
            - description: %s
              evidence: [m]
          evidence:
            - ref: https://example.org/evidence
              note: %s
        actions:
          - id: A1
            title: %s
            owner: %s
            due: 2025-02-01
            type: prevent
            priority: P2
            status: open
            ticket: %s
        follow_up:
          review_on: 2025-02-10
        ---

        ## What happened

        %s

        Some text, then the payload inline: %s

        """.formatted(title, p, p, p, p, p, p, p, p, p, p, p, p, p, p, p, p, payload, payload);
  }
}
