package dev.hindsight.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.bench.SyntheticCorpus;
import dev.hindsight.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A long index, in a real browser: 250 incidents make three pages of 100, 100 and 50 rows, linked
 * to each other; a filter or an order on any page looks through all 250, a hundred at a time.
 */
class PagedIndexInBrowserTest {
  @TempDir static Path out;
  private static StaticServer server;
  private static ChromeDriver browser;
  private static List<JsonNode> every;

  @BeforeAll
  static void buildAndOpen() throws Exception {
    Browser.assumeInstalled();
    new SyntheticCorpus(250, 7).write(out.resolve("corpus"));
    Path site = out.resolve("site");
    CliRun run = CliRun.run("build", "--input", out.resolve("corpus/postmortems").toString(), "--config", out.resolve("corpus/hindsight.yaml").toString(),
        "--output", site.toString(), "--as-of", "2026-11-25", "--no-briefs");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    every = new ArrayList<>();
    new ObjectMapper().readTree(site.resolve("data/index-rows.json").toFile()).forEach(every::add);
    server = new StaticServer(site);
    browser = Browser.start(1280, 1000);
    Files.createDirectories(SiteInBrowserTest.SCREENSHOTS);
  }

  @AfterAll
  static void close() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  @Test
  void theIndexIsCutIntoLinkedPagesOfAHundred() throws Exception {
    assertThat(every).hasSize(250);
    browser.get(server.url(""));
    assertThat(rows()).hasSize(100);
    assertThat(pagerLinks()).containsExactly("1", "2", "3", "Older ›");
    assertThat(browser.findElement(By.cssSelector(".pager [aria-current=page]")).getText()).isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector(".filter-count")).getText())
        .isEqualTo("Showing 100 of 250 incidents; a filter or an order looks through them all");

    browser.findElement(By.linkText("Older ›")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/page/2/");
    assertThat(browser.findElement(By.cssSelector(".lede")).getText()).startsWith("250 incidents, newest first; page 2 of 3 shows 101–200.");
    assertThat(rows().get(0).findElement(By.cssSelector("a.title")).getAttribute("href"))
        .as("links from a page below the root still lead to incidents").endsWith("/" + every.get(100).get("url").asText());
    ((JavascriptExecutor) browser).executeScript("document.querySelector('.pager').scrollIntoView({block: 'center'})");
    Files.write(SiteInBrowserTest.SCREENSHOTS.resolve("index-page-2.png"), browser.getScreenshotAs(OutputType.BYTES));

    browser.findElement(By.linkText("3")).click();
    assertThat(rows()).hasSize(50);
    assertThat(rows().get(49).getAttribute("data-started")).isEqualTo(every.get(249).get("started").asText());
    assertThat(pagerLinks()).containsExactly("‹ Newer", "1", "2", "3");
    noConsoleErrors();
  }

  @Test
  void aFilterOnAnyPageLooksThroughEveryIncident() {
    browser.get(server.url("page/3/"));
    new Select(browser.findElement(By.name("severity"))).selectByValue("SEV2");
    long sev2 = every.stream().filter(r -> r.get("severity").asText().equals("SEV2")).count();
    assertThat(sev2).as("more matches than a page shows").isGreaterThan(50).isLessThan(200);
    waitForCount("Showing " + Math.min(100, sev2) + " of " + sev2 + " matching incidents (250 in all)");
    assertThat(rows()).hasSize((int) Math.min(100, sev2)).allSatisfy(r -> assertThat(r.getAttribute("data-severity")).isEqualTo("SEV2"));
    assertThat(browser.findElement(By.cssSelector(".pager")).isDisplayed()).as("the page links are hidden while filtering").isFalse();
    assertThat(browser.findElement(By.cssSelector(".lede")).getText()).as("the lede no longer speaks of this page").isEqualTo("250 incidents, newest first.");
    assertThat(browser.getCurrentUrl()).endsWith("/page/3/?severity=SEV2");
    if (sev2 > 100) {
      browser.findElement(By.cssSelector(".more-rows")).click();
      assertThat(rows()).hasSize((int) sev2);
      assertThat(browser.findElement(By.cssSelector(".more-rows")).isDisplayed()).isFalse();
    }

    browser.findElement(By.cssSelector(".filters button[type=reset]")).click();
    waitForCount("Showing 50 of 250 incidents; a filter or an order looks through them all");
    assertThat(rows()).hasSize(50);
    assertThat(browser.findElement(By.cssSelector(".pager")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector(".lede")).getText()).isEqualTo("250 incidents, newest first; page 3 of 3 shows 201–250.");
    noConsoleErrors();
  }

  @Test
  void anOrderSortsEveryIncidentAndShowsMoreOnRequest() {
    browser.get(server.url("page/2/?sort=duration"));
    waitForCount("Showing 100 of 250 matching incidents (250 in all)");
    List<Long> durations = new ArrayList<>(rows().stream().map(r -> Long.parseLong(r.getAttribute("data-duration"))).toList());
    long longest = every.stream().mapToLong(r -> r.get("duration").asLong()).max().orElseThrow();
    assertThat(durations.get(0)).isEqualTo(longest);
    browser.findElement(By.cssSelector(".more-rows")).click();
    browser.findElement(By.cssSelector(".more-rows")).click();
    waitForCount("Showing 250 of 250 matching incidents (250 in all)");
    durations = rows().stream().map(r -> Long.parseLong(r.getAttribute("data-duration"))).toList();
    assertThat(durations).hasSize(250).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void rowsMadeInTheBrowserReadAsTheRowsOfThePages() {
    browser.get(server.url(""));
    List<String> written = rows().stream().map(WebElement::getText).toList();
    List<String> links = rows().stream().map(r -> r.findElement(By.cssSelector("a.title")).getAttribute("href")).toList();
    // Every synthetic incident is published: this filter keeps them all, in the same order.
    new Select(browser.findElement(By.name("status"))).selectByValue("published");
    waitForCount("Showing 100 of 250 matching incidents (250 in all)");
    assertThat(rows().stream().map(WebElement::getText).toList()).isEqualTo(written);
    assertThat(rows().stream().map(r -> r.findElement(By.cssSelector("a.title")).getAttribute("href")).toList()).isEqualTo(links);
    assertThat(rows().get(0).findElements(By.cssSelector(".badge.sev"))).hasSize(1);
    assertThat(rows().get(0).findElements(By.cssSelector(".chip"))).isNotEmpty();
  }

  private static List<WebElement> rows() {
    return browser.findElements(By.cssSelector("table.incidents tbody tr"));
  }

  private static List<String> pagerLinks() {
    return browser.findElements(By.cssSelector(".pager a")).stream().map(WebElement::getText).toList();
  }

  private static void waitForCount(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector(".filter-count")).getText().equals(text));
  }

  private static void noConsoleErrors() {
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList()).as("console errors").isEmpty();
  }
}
