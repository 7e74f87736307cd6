package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README opens with the two commands a newcomer runs, CI runs the same test command, and the
 * jar the first command runs is the one Maven builds.
 */
class ReadmeTest {
  private static final Path ROOT = TestPaths.repoRoot();
  static final String BUILD = "mvn -q -DskipTests package && java -jar generator/target/hindsight.jar build";
  static final String TEST = "mvn -B verify";

  @Test
  void theFirstCodeBlockHoldsTheBuildAndTestCommandsInThatOrder() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("```sh\n");
    int end = readme.indexOf("```", start + 6);
    List<String> commands = readme.substring(start + 6, end).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(commands).containsExactly(BUILD, TEST);
  }

  @Test
  void ciRunsTheReadmesTestCommand() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve(".ci/run"));
    assertThat(lines).contains(TEST);
    assertThat(Files.isExecutable(ROOT.resolve(".ci/run"))).isTrue();
  }

  @Test
  void generatedOutputIsIgnoredByGit() throws IOException {
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("site-output/", "target/", ".site-output.*");
  }

  @Test
  void theShadedJarIsTheOneTheReadmeRuns() throws IOException {
    String pom = Files.readString(ROOT.resolve("generator/pom.xml"));
    assertThat(pom).contains("<outputFile>${project.build.directory}/hindsight.jar</outputFile>")
        .contains("<mainClass>dev.hindsight.cli.Main</mainClass>");
  }
}
