package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as the README says, from a folder outside the repository: it must carry
 * its templates, schema and assets with it.
 */
class JarIT {
  private static final Path JAR = Path.of(System.getProperty("hindsight.jar", "target/hindsight.jar")).toAbsolutePath();

  private record Result(int code, String output) {}

  private static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()),
        Stream.of(args)).toList();
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  @Test
  void buildsTheShippedExamplesOutsideTheRepository(@TempDir Path dir) throws Exception {
    Path root = TestPaths.repoRoot();
    TestPaths.copyTree(root.resolve("postmortems"), dir.resolve("postmortems"));
    Files.copy(root.resolve("hindsight.yaml"), dir.resolve("hindsight.yaml"));

    Result validate = run(dir, "validate");
    assertThat(validate.code()).as(validate.output()).isEqualTo(0);
    Result build = run(dir, "build");
    assertThat(build.code()).as(build.output()).isEqualTo(0);
    assertThat(build.output()).containsPattern("Built \\d+ pages \\(0 unchanged, reused\\) and \\d+ PDF briefs \\(0 unchanged, reused\\) from \\d+ incident files into site-output");
    assertThat(dir.resolve("site-output/index.html")).exists();
    assertThat(dir.resolve("site-output/assets/site.css")).exists();
  }

  @Test
  void printsItsVersionAndExitsTwoOnUsageErrors(@TempDir Path dir) throws Exception {
    assertThat(run(dir, "--version").output()).startsWith("hindsight 0.");
    Result missing = run(dir, "validate");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.output()).contains("the input folder postmortems does not exist");
  }

}
