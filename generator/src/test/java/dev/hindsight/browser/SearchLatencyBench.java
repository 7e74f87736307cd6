package dev.hindsight.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The search at scale, in Chromium: how many bytes (gzipped) the first query downloads, and how
 * long each query takes from the keystroke to the first result shown. A measurement, not a
 * test of the suite: it runs only when {@code hindsight.search.site} names a built site (see
 * bench/README.md), and prints its figures.
 */
class SearchLatencyBench {
  private static final List<String> QUERIES = List.of("replication lag", "deadlock", "index bloat", "vacuum", "connection pool exhausted",
      "checkout-replica", "failover", "disk full", "replicaton", "query plan");

  @Test
  void firstResultsAfterLoad() throws Exception {
    String site = System.getProperty("hindsight.search.site");
    Assumptions.assumeTrue(site != null, "a measurement: run with -Dhindsight.search.site=<built site>");
    Browser.assumeInstalled();
    Path root = Path.of(site);
    Path search = root.resolve("data/search");
    long once = gzipped(search.resolve("docs.json")) + gzipped(search.resolve("vocab.json"));
    long shards = 0;
    for (int s = 0; s < 32; s++) shards = Math.max(shards, gzipped(search.resolve(String.format("postings-%02d.json", s))));
    long texts = gzipped(search.resolve("texts-00.json"));
    System.out.printf("search download, gzipped: documents and vocabulary %d KB once; largest shard %d KB; a chunk of snippets %d KB%n",
        once / 1024, shards / 1024, texts / 1024);

    String incident;
    try (var pages = Files.list(root.resolve("incidents"))) {
      incident = "incidents/" + pages.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().findFirst().orElseThrow() + "/";
    }
    try (StaticServer server = new StaticServer(root)) {
      ChromeDriver browser = Browser.start(1280, 900);
      try {
        for (String page : List.of("", incident)) {
          browser.get(server.url(page));
          double cold = query(browser, QUERIES.get(0));
          // The page loads the documents and the vocabulary when the box is first focused: what
          // follows is a reader's query once they are in.
          List<Double> times = new ArrayList<>();
          for (String q : QUERIES) times.add(query(browser, q));
          List<Double> again = new ArrayList<>();
          for (String q : QUERIES) again.add(query(browser, q));
          System.out.printf("search on %s, keystroke to first result painted, ms: the page's first query (its download and parse included) %.0f;"
              + " then, per query (its shards fetched): %s; the same queries again (shards in hand): %s%n", page.isEmpty() ? "the index" : "an incident's page",
              cold, times.stream().map(t -> String.format("%.0f", t)).toList(), again.stream().map(t -> String.format("%.0f", t)).toList());
          times.addAll(again);
          times.add(cold);
          assertThat(times).as("every query found something").allMatch(t -> t >= 0);
        }
      } finally {
        browser.quit();
      }
    }
  }

  /**
   * Clears the box, waits until no result shows, then types {@code query} and times it until its
   * first result is on the screen: found in the page, then the frame that draws it rendered (a
   * task after the next animation frame's callbacks runs once that frame's style, layout and
   * paint are done). -1: none in 20 s.
   */
  private static double query(ChromeDriver browser, String query) {
    Object took = browser.executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        var query = arguments[0];
        var input = document.getElementById('search-input');
        input.focus();
        input.value = '';
        input.dispatchEvent(new Event('input'));
        var cleared = performance.now();
        (function empty() {
          if (document.querySelector('#search-results .search-result') && performance.now() - cleared < 5000) { setTimeout(empty, 1); return; }
          var t0 = performance.now();
          input.value = query;
          input.dispatchEvent(new Event('input'));
          (function poll() {
            if (document.querySelector('#search-results .search-result')) requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - t0); }, 0); });
            else if (performance.now() - t0 > 20000) done(-1);
            else setTimeout(poll, 1);
          })();
        })();
        """, query);
    return ((Number) took).doubleValue();
  }

  private static long gzipped(Path file) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(Files.readAllBytes(file));
    }
    return bytes.size();
  }
}
