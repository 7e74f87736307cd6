package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.bench.SyntheticCorpus;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long lists of incidents are cut into pages of 100, as the site of 800 synthetic incidents shows:
 * the index in eight pages, a large group (a tag) in two, every row once, in order, and every link
 * of every such page leading to a file of the site.
 */
class PagedListsTest {
  @TempDir static Path out;
  private static Path site;

  @BeforeAll
  static void build() throws Exception {
    new SyntheticCorpus(800, 11).write(out.resolve("corpus"));
    site = out.resolve("site");
    CliRun run = CliRun.run("build", "--input", out.resolve("corpus/postmortems").toString(), "--config", out.resolve("corpus/hindsight.yaml").toString(),
        "--output", site.toString(), "--as-of", "2026-11-25", "--no-briefs");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
  }

  @Test
  void theIndexHasEveryIncidentOnceInPagesOfAHundred() throws IOException {
    List<String> rows = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      Document page = page(n == 1 ? "index.html" : "page/" + n + "/index.html");
      assertThat(page.select("table.incidents tbody tr")).hasSize(100);
      assertThat(page.select(".pager [aria-current=page]").text()).isEqualTo(String.valueOf(n));
      assertThat(page.title()).startsWith(n == 1 ? "All incidents ·" : "All incidents (page " + n + ") ·");
      page.select("table.incidents a.title").forEach(a -> rows.add(a.attr("href").replaceFirst("^(\\.\\./)*", "")));
    }
    assertThat(site.resolve("page/9")).doesNotExist();
    List<String> all = new ArrayList<>();
    new ObjectMapper().readTree(site.resolve("data/index-rows.json").toFile()).forEach(r -> all.add(r.get("url").asText()));
    assertThat(rows).as("every incident once, newest first, as the filters' data has them").isEqualTo(all).hasSize(800).doesNotHaveDuplicates();
  }

  @Test
  void aGroupOfMoreThanAHundredHasPagesWithItsOpenActionsOnTheFirst() throws IOException {
    Path big;
    try (Stream<Path> tags = Files.list(site.resolve("tags"))) {
      big = tags.filter(t -> Files.isDirectory(t.resolve("page/2"))).findFirst().orElseThrow();
    }
    Document first = Jsoup.parse(big.resolve("index.html").toFile());
    Document second = Jsoup.parse(big.resolve("page/2/index.html").toFile());
    int total = Integer.parseInt(first.select(".facts dt:contains(Incidents) + dd").text());
    assertThat(total).isGreaterThan(100).isLessThanOrEqualTo(200);
    assertThat(first.select("table.incidents tbody tr")).hasSize(100);
    assertThat(second.select("table.incidents tbody tr")).hasSize(total - 100);
    assertThat(first.select("table.actions tbody tr")).as("open actions on the first page").isNotEmpty();
    assertThat(second.select("table.actions")).isEmpty();
    assertThat(second.select("#open-actions + p a").attr("href")).isEqualTo("../../#open-actions");
    assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo("../../");
    assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("page/2/");
  }

  @Test
  void everyLinkOfEveryPagedPageLeadsToAFileOfTheSite() throws IOException {
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(site)) {
      pages = walk.filter(p -> p.getFileName().toString().equals("index.html"))
          .filter(p -> p.equals(site.resolve("index.html")) || p.getParent().getParent().getFileName().toString().equals("page")).toList();
    }
    assertThat(pages).hasSizeGreaterThan(8);
    List<String> broken = new ArrayList<>();
    for (Path file : pages) {
      for (Element a : Jsoup.parse(file.toFile()).select("a[href]")) {
        String href = a.attr("href").replaceFirst("#.*$", "");
        if (href.isEmpty() || href.contains(":")) continue;
        Path target = file.getParent().resolve(href).normalize();
        if (Files.isDirectory(target)) target = target.resolve("index.html");
        if (!target.startsWith(site) || !Files.isRegularFile(target)) broken.add(site.relativize(file) + " -> " + a.attr("href"));
      }
    }
    assertThat(broken).isEmpty();
  }

  private static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile());
  }
}
