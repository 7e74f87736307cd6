package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed half-way (power cut, CI timeout, Ctrl-C) must leave the last good site exactly
 * as it was; the next build cleans up after it.
 */
class InterruptedBuildTest {
  private static final int INCIDENTS = 1500;

  @Test
  void aKilledBuildLeavesThePreviousSiteIntact(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    String baseline = Files.readString(TestPaths.resource("rules/valid-baseline/postmortems/2025-03-04-orders-slow.md"));
    Files.writeString(input.resolve("2025-03-04-orders-slow.md"), baseline);
    Files.copy(TestPaths.resource("rules/valid-baseline/hindsight.yaml"), dir.resolve("hindsight.yaml"));
    Path out = dir.resolve("site");
    assertThat(CliRun.run("build", "--no-briefs", "-i", input.toString(), "-o", out.toString()).exitCode()).isEqualTo(0);
    String index = Files.readString(out.resolve("index.html"));

    for (int i = 0; i < INCIDENTS; i++) {
      Files.writeString(input.resolve(String.format("2025-03-04-orders-slow-%04d.md", i)), baseline);
    }
    Process build = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), "dev.hindsight.cli.Main",
        "build", "--no-briefs", "-i", input.toString(), "-o", out.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile()).start();
    try {
      Path staging = waitForStagingFolder(dir, build);
      waitUntilItHoldsPages(staging, build);
    } finally {
      build.destroyForcibly().waitFor();
    }

    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(index);
    assertThat(out.resolve("incidents/2025-03-04-orders-slow/index.html")).exists();
    assertThat(out.resolve("incidents/2025-03-04-orders-slow-0000")).doesNotExist();

    assertThat(CliRun.run("build", "--no-briefs", "-i", input.toString(), "-o", out.toString()).exitCode()).isEqualTo(0);
    assertThat(out.resolve("incidents/2025-03-04-orders-slow-0000/index.html")).exists();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .as("the next build removed what the killed one left; the cache stays").isEqualTo(List.of(".hindsight-cache", "build.log", "hindsight.yaml", "postmortems", "site"));
    }
  }

  private static Path waitForStagingFolder(Path dir, Process build) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try (Stream<Path> list = Files.list(dir)) {
        var staging = list.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst();
        if (staging.isPresent()) return staging.get();
      }
      assertThat(build.isAlive()).as("the build ended before it started writing: " + Files.readString(dir.resolve("build.log"))).isTrue();
      Thread.sleep(5);
    }
    throw new AssertionError("the build never started writing");
  }

  private static void waitUntilItHoldsPages(Path staging, Process build) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline) && build.isAlive()) {
      if (Files.isDirectory(staging.resolve("incidents"))) return;
      Thread.sleep(2);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
