package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every page of the site built from the examples: valid HTML, no broken links, a strict CSP. */
class SiteQualityTest {
  @TempDir static Path out;
  private static Path site;
  private static List<Path> pages;

  @BeforeAll
  static void build() throws IOException {
    Path root = TestPaths.repoRoot();
    site = out.resolve("site");
    CliRun run = CliRun.run("build", "--input", root.resolve("postmortems").toString(), "--output", site.toString(), "--as-of", "2026-11-25",
        "--drafts");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    try (Stream<Path> walk = Files.walk(site)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(pages).hasSizeGreaterThan(50);
  }

  @Test
  void noInternalLinkOrAssetIsBroken() throws IOException {
    Map<Path, Set<String>> ids = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Document doc = Jsoup.parse(page.toFile());
      for (Element e : doc.select("[href], [src]")) {
        String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (ref.isEmpty() || ref.matches("^[a-z][a-z0-9+.-]*:.*")) continue;
        URI uri = URI.create(ref);
        Path target = uri.getPath() == null || uri.getPath().isEmpty() ? page : page.getParent().resolve(uri.getPath()).normalize();
        if (Files.isDirectory(target)) target = target.resolve("index.html");
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
          broken.add(site.relativize(page) + " -> " + ref);
          continue;
        }
        String fragment = uri.getFragment();
        if (fragment != null && target.toString().endsWith(".html")) {
          Set<String> known = ids.computeIfAbsent(target, t -> {
            try {
              return new java.util.HashSet<>(Jsoup.parse(t.toFile()).select("[id]").eachAttr("id"));
            } catch (IOException ex) {
              throw new java.io.UncheckedIOException(ex);
            }
          });
          if (!known.contains(fragment)) broken.add(site.relativize(page) + " -> " + ref + " (no such anchor)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everyPageHasAStrictContentSecurityPolicyAndNoInlineCode() throws IOException {
    for (Path page : pages) {
      Document doc = Jsoup.parse(page.toFile());
      String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
      assertThat(csp).as(page.toString()).contains("default-src 'self'", "script-src 'self'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(doc.select("script:not([src])")).as(page.toString()).allMatch(s -> s.attr("type").equals("application/json"));
      assertThat(doc.select("[style]")).as("inline styles in " + page).isEmpty();
      assertThat(doc.getAllElements().stream().flatMap(el -> el.attributes().asList().stream()).filter(a -> a.getKey().startsWith("on")).toList())
          .as("event handler attributes in " + page).isEmpty();
    }
  }

  @Test
  void everyPageIsValidHtmlForTheNuHtmlChecker() throws Exception {
    List<String> errors = new ArrayList<>();
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getSystemId() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
    validator.setUpValidatorAndParsers(collect, false, false);
    for (Path page : pages) {
      validator.checkHtmlFile(page.toFile(), true);
    }
    assertThat(errors).isEmpty();
  }
}
