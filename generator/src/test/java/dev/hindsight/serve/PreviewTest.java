package dev.hindsight.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.build.BuildOptions;
import dev.hindsight.build.SiteBuild;
import dev.hindsight.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The author's loop: edit a file, see the page change; break it, see the problem and the last good page. */
class PreviewTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void rebuildsOnEditAndKeepsTheLastGoodSiteWhenTheEditBreaksIt(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    Path file = input.resolve("2025-03-04-orders-slow.md");
    Files.copy(TestPaths.resource("rules/valid-baseline/postmortems/2025-03-04-orders-slow.md"), file);
    Files.copy(TestPaths.resource("rules/valid-baseline/hindsight.yaml"), dir.resolve("hindsight.yaml"));
    BuildOptions options = new BuildOptions(input, dir.resolve("preview/site"), Optional.empty(), Optional.of(dir.resolve("hindsight.yaml")),
        true, false, false, LocalDate.parse("2026-11-25"));
    StringWriter log = new StringWriter();
    try (Preview preview = new Preview(options, new SiteBuild(new Validator(), "test"), new PrintWriter(log, true))) {
      int port = preview.start(0);
      String page = "http://127.0.0.1:" + port + "/incidents/2025-03-04-orders-slow/";
      assertThat(get(page)).contains("<h1>Orders database slow after deploy</h1>").contains("/__hindsight/live.js");
      assertThat(get("http://127.0.0.1:" + port + "/__hindsight/live.js")).contains("location.reload");

      Files.writeString(file, Files.readString(file).replace("title: Orders database slow after deploy", "title: Orders database slow after the deploy"));
      waitFor(() -> preview.builds() >= 2);
      assertThat(get(page)).contains("<h1>Orders database slow after the deploy</h1>");
      assertThat(get("http://127.0.0.1:" + port + "/__hindsight/status")).contains("\"build\":2").contains("\"problems\":[]");

      // A narrative edit, the author's commonest: only that page and the search index are rendered.
      Files.writeString(file, Files.readString(file) + "\nThe plan showed a sequential scan on orders.\n");
      waitFor(() -> preview.builds() >= 3);
      assertThat(get(page)).contains("The plan showed a sequential scan on orders.");
      assertThat(log.toString()).contains("Rebuilt 1 changed incident page and the search index in").contains("a quick rebuild");

      Files.writeString(file, Files.readString(file).replace("    owner: dba\n", ""));
      waitFor(() -> {
        try {
          return get("http://127.0.0.1:" + port + "/__hindsight/status").contains("HS101");
        } catch (Exception e) {
          return false;
        }
      });
      assertThat(get(page)).as("the last good page stays").contains("<h1>Orders database slow after the deploy</h1>");
      assertThat(log.toString()).contains("error HS101").contains("the last good site stays online");
    }
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out waiting for a rebuild");
      Thread.sleep(50);
    }
  }

}
