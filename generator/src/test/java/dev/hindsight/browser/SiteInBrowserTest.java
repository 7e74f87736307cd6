package dev.hindsight.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** What a reader sees in a real browser: charts drawn from the shipped examples, no errors. */
class SiteInBrowserTest {
  private static final String CHECKOUT = "incidents/2025-05-20-checkout-outage-reporting-query-deadlock/";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  @TempDir static Path out;
  private static StaticServer server;
  private static ChromeDriver browser;


  @BeforeAll
  static void buildAndOpen() throws Exception {
    Browser.assumeInstalled();
    Path root = TestPaths.repoRoot();
    CliRun run = CliRun.run("build", "--input", root.resolve("postmortems").toString(), "--output", out.resolve("site").toString(),
        "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    server = new StaticServer(out.resolve("site"));
    browser = Browser.start(1280, 1000);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void close() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  @Test
  void everyMetricChartIsDrawnWithTheIncidentWindowAndNoConsoleErrors() throws Exception {
    browser.get(server.url(CHECKOUT));
    List<WebElement> canvases = browser.findElements(By.cssSelector("canvas[data-chart]"));
    assertThat(canvases).hasSize(4);
    JavascriptExecutor js = browser;
    for (WebElement canvas : canvases) {
      assertThat(canvas.isDisplayed()).as("chart shown once drawn").isTrue();
      Long inked = (Long) js.executeScript(
          "const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
              + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", canvas);
      assertThat(inked).as("pixels drawn on %s", canvas.getAttribute("data-chart")).isGreaterThan(2000);
    }
    Object annotations = js.executeScript("return Object.keys(Chart.getChart(arguments[0]).options.plugins.annotation.annotations);", canvases.get(0));
    assertThat(annotations.toString()).contains("window", "detected", "mitigated", "threshold");
    assertThat(browser.findElements(By.cssSelector("svg.sparkline"))).allMatch(svg -> !svg.isDisplayed());

    assertThat(browser.findElements(By.cssSelector(".narrative pre code.language-sql.hljs span.hljs-keyword")))
        .as("SQL in the narrative is highlighted").isNotEmpty();
    ((JavascriptExecutor) browser).executeScript("document.getElementById('metrics').scrollIntoView()");
    Files.write(SCREENSHOTS.resolve("incident-charts.png"), browser.getScreenshotAs(OutputType.BYTES));
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
    assertThat(severe).as("console errors").isEmpty();
  }

  @Test
  void theTrendsPageDrawsEveryChart() throws Exception {
    browser.get(server.url("trends/"));
    List<WebElement> canvases = browser.findElements(By.cssSelector("canvas[data-trend]"));
    assertThat(canvases).hasSizeGreaterThanOrEqualTo(4);
    for (WebElement canvas : canvases) {
      assertThat(canvas.isDisplayed()).isTrue();
      assertThat(inkedPixels(canvas)).as("pixels drawn on %s", canvas.getAttribute("data-trend")).isGreaterThan(2000);
    }
    assertThat(browser.findElements(By.cssSelector("table.chains tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
    screenshot("trends.png", 1280, 2400);
    assertNoConsoleErrors();
  }

  @Test
  void theIndexAndTheActionsDashboardRenderWithoutErrors() throws Exception {
    browser.get(server.url(""));
    screenshot("index.png", 1280, 1400);
    browser.get(server.url("actions/"));
    assertThat(browser.findElement(By.cssSelector("table.actions tbody tr td.state")).getText()).startsWith("overdue");
    screenshot("actions.png", 1280, 1400);
    browser.get(server.url(CHECKOUT));
    screenshot("incident.png", 1280, 2400);
    assertNoConsoleErrors();
  }

  @Test
  void readsWellOnAPhoneAndInDarkMode() throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    browser.get(server.url(CHECKOUT));
    Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
    Files.write(SCREENSHOTS.resolve("incident-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.get(server.url(""));
    Files.write(SCREENSHOTS.resolve("index-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    colorScheme("dark");
    browser.get(server.url(CHECKOUT));
    String background = (String) ((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.body).backgroundColor;");
    assertThat(background).isEqualTo("rgb(15, 21, 28)");
    Files.write(SCREENSHOTS.resolve("incident-dark.png"), browser.getScreenshotAs(OutputType.BYTES));
    colorScheme("light");
  }

  private static void colorScheme(String scheme) {
    browser.executeCdpCommand("Emulation.setEmulatedMedia",
        java.util.Map.of("features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  private static long inkedPixels(WebElement canvas) {
    return (Long) ((JavascriptExecutor) browser).executeScript(
        "const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", canvas);
  }

  private static void screenshot(String name, int width, int height) throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
  }

  private static void assertNoConsoleErrors() {
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
    assertThat(severe).as("console errors").isEmpty();
  }

  @Test
  void searchFindsAnIncidentByAWordThatAppearsOnlyInItsRca() {
    browser.get(server.url("trends/"));
    WebElement input = focusSearch();
    input.sendKeys("undersized");
    List<WebElement> results = waitForResults();
    assertThat(results.get(0).getAttribute("href")).endsWith("/incidents/2025-10-20-orders-db-failover-promoted-lagging-replica/");
    assertThat(results.get(0).findElements(By.cssSelector("mark"))).extracting(WebElement::getText).contains("undersized");
  }

  @Test
  void whatIsHiddenIsNotShown() {
    // The filters' form is hidden in the HTML and shown by its script: without the script it must not show.
    for (String path : List.of("", CHECKOUT, "trends/", "actions/")) {
      browser.get(server.url(path));
      Object shown = ((JavascriptExecutor) browser).executeScript(
          "var f = document.createElement('form'); f.className = 'filters'; f.hidden = true; document.body.appendChild(f);"
              + "return Array.from(document.querySelectorAll('[hidden]')).filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 80));");
      assertThat((List<?>) shown).as("elements with the hidden attribute shown on /%s", path).isEmpty();
    }
  }

  @Test
  void theWordBeingTypedFindsTheWordsItBegins() {
    browser.get(server.url("actions/"));
    WebElement input = focusSearch();
    input.sendKeys("undersiz");
    assertThat(waitForResults().get(0).getAttribute("href")).endsWith("/incidents/2025-10-20-orders-db-failover-promoted-lagging-replica/");
    assertThat(waitForResults().get(0).findElements(By.cssSelector("mark"))).extracting(WebElement::getText).as("the word it stands for is marked").contains("undersized");
  }

  @Test
  void searchToleratesTyposAndOpensAResultFromTheKeyboard() throws Exception {
    browser.get(server.url(""));
    WebElement input = focusSearch();
    input.sendKeys("replicaton lag");
    List<WebElement> results = waitForResults();
    assertThat(results).extracting(r -> r.getAttribute("href"))
        .anyMatch(h -> h.endsWith("/incidents/2025-06-24-orders-replica-lag-stale-order-status/"));
    String first = results.get(0).getAttribute("href");
    Files.write(SCREENSHOTS.resolve("search.png"), browser.getScreenshotAs(OutputType.BYTES));
    input.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN, org.openqa.selenium.Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(first));
    assertNoConsoleErrors();
  }

  private static WebElement focusSearch() {
    browser.findElement(By.tagName("body")).sendKeys("/");
    WebElement input = browser.switchTo().activeElement();
    assertThat(input.getAttribute("id")).as("'/' focuses the search box").isEqualTo("search-input");
    return input;
  }

  /** The results once they show with their snippets (titles show first; snippets follow from their own files). */
  private static List<WebElement> waitForResults() {
    return new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(d -> {
      List<WebElement> r = d.findElements(By.cssSelector("#search-results .search-result"));
      boolean pending = !d.findElements(By.cssSelector("#search-results .search-snippet[data-pending]")).isEmpty();
      return r.isEmpty() || pending ? null : r;
    });
  }

  @Test
  void axeFindsNoSeriousOrCriticalAccessibilityProblems() throws Exception {
    Path axe = TestPaths.repoRoot().resolve("generator/src/test/js/node_modules/axe-core/axe.min.js");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(axe),
        "skipped: axe-core is not installed; run `npm install --no-package-lock --prefix generator/src/test/js` (.ci/run does)");
    String source = Files.readString(axe);
    List<String> problems = new java.util.ArrayList<>();
    List<String> paths = List.of("", CHECKOUT, "trends/", "actions/", "browse/", "services/orders-db/", "glossary/",
        "dark:", "dark:" + CHECKOUT, "dark:trends/");
    for (String entry : paths) {
      boolean dark = entry.startsWith("dark:");
      String path = dark ? entry.substring(5) : entry;
      colorScheme(dark ? "dark" : "light");
      browser.get(server.url(path));
      ((JavascriptExecutor) browser).executeScript(source);
      Object result = ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
              + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
              + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + 'x, e.g. ' + v.nodes[0].target.join(' ') + ')')))"
              + ".catch(e => done(['axe failed: ' + e]));");
      for (Object v : (List<?>) result) problems.add((dark ? "(dark) /" : "/") + path + " " + v);
    }
    colorScheme("light");
    assertThat(problems).as("axe-core serious or critical findings").isEmpty();
  }

  @Test
  void filtersNarrowTheIndexAndSortingReordersIt() {
    browser.get(server.url(""));
    List<WebElement> all = browser.findElements(By.cssSelector("table.incidents tbody tr"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("severity"))).selectByValue("SEV1");
    List<WebElement> shown = all.stream().filter(WebElement::isDisplayed).toList();
    assertThat(shown).hasSize(2).allSatisfy(r -> assertThat(r.getAttribute("data-severity")).isEqualTo("SEV1"));
    assertThat(browser.findElement(By.cssSelector(".filter-count")).getText()).isEqualTo("Showing 2 of " + all.size() + " incidents");
    assertThat(browser.getCurrentUrl()).endsWith("?severity=SEV1");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("severity"))).selectByValue("");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("service"))).selectByValue("orders-replica");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("sort"))).selectByValue("duration");
    List<String> durations = browser.findElements(By.cssSelector("table.incidents tbody tr")).stream().filter(WebElement::isDisplayed)
        .map(r -> r.getAttribute("data-duration")).toList();
    assertThat(durations).hasSizeGreaterThanOrEqualTo(2);
    assertThat(durations).extracting(Long::parseLong).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    browser.get(server.url("?category=deadlock"));
    assertThat(browser.findElements(By.cssSelector("table.incidents tbody tr")).stream().filter(WebElement::isDisplayed))
        .hasSize(3).allSatisfy(r -> assertThat(r.getAttribute("data-category")).isEqualTo("deadlock"));
  }

  @Test
  void withoutJavaScriptTheStaticChartAndTheDataTableRemain() throws Exception {
    String html = Files.readString(out.resolve("site/" + CHECKOUT + "index.html"));
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
    assertThat(page.select("figure.metric svg.sparkline")).hasSize(4);
    assertThat(page.select("figure.metric .chart-box[hidden]")).hasSize(4);
    assertThat(page.select("script:not([src])")).allMatch(s -> s.attr("type").equals("application/json"));
  }
}
