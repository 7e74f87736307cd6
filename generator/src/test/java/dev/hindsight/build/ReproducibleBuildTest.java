package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With SOURCE_DATE_EPOCH set, two clean builds of the examples are byte-identical: HTML, JSON, feeds, calendars, CSV and PDFs. */
class ReproducibleBuildTest {
  @Test
  void twoCleanBuildsGiveTheSameBytes(@TempDir Path dir) throws Exception {
    Path input = TestPaths.repoRoot().resolve("postmortems");
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1764000000");
    Path a = Files.createDirectories(dir.resolve("a")).resolve("site");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("site");
    assertThat(CliRun.run(env, "build", "--input", input.toString(), "--output", a.toString()).exitCode()).isEqualTo(0);
    assertThat(CliRun.run(env, "build", "--input", input.toString(), "--output", b.toString()).exitCode()).isEqualTo(0);
    Map<String, String> first = digests(a);
    assertThat(first.keySet()).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".ics")).contains("feed.xml", "data/actions.csv");
    assertThat(digests(b)).isEqualTo(first);
  }

  static Map<String, String> digests(Path root) throws IOException, java.security.NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
