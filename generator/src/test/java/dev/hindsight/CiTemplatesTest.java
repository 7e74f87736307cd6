package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CI files teams copy are valid YAML, and every hindsight command they run exists with the options they pass. */
class CiTemplatesTest {
  private static final Path ROOT = TestPaths.repoRoot();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern CALL = Pattern.compile("java (?:-X[^\\s]+ )*-jar generator/target/hindsight\\.jar ([a-z]+)((?: --?[a-z-]+(?: [^-\\s>|&;][^\\s>|&;]*)?)*)");

  @Test
  void theGithubWorkflowValidatesPullRequestsAndPublishesMain() throws IOException {
    JsonNode flow = YAML.readTree(ROOT.resolve("ci-templates/github/postmortems.yml").toFile());
    assertThat(flow.at("/on/pull_request").isMissingNode()).isFalse();
    assertThat(flow.at("/jobs/deploy/steps/0/uses").asText()).startsWith("actions/deploy-pages@");
    List<String> runs = new ArrayList<>();
    flow.get("jobs").forEach(job -> job.get("steps").forEach(step -> {
      if (step.has("run")) runs.add(step.get("run").asText());
    }));
    assertThat(runs).anyMatch(r -> r.contains("validate --format github"));
    for (String job : List.of("validate", "build")) {
      List<String> cached = new ArrayList<>();
      flow.at("/jobs/" + job + "/steps").forEach(step -> {
        if (step.path("uses").asText().startsWith("actions/cache@")) cached.add(step.at("/with/path").asText());
      });
      assertThat(cached).as("%s keeps .hindsight-cache between runs", job).containsExactly(".hindsight-cache");
    }
    assertCommandsExist(runs);
  }

  @Test
  void theGitlabPipelineBuildsPagesIntoPublic() throws IOException {
    JsonNode pipeline = YAML.readTree(ROOT.resolve("ci-templates/gitlab/gitlab-ci.yml").toFile());
    assertThat(pipeline.at("/pages/artifacts/paths/0").asText()).isEqualTo("public");
    assertThat(pipeline.at("/default/cache")).anySatisfy(c -> assertThat(c.at("/paths/0").asText()).isEqualTo(".hindsight-cache"));
    List<String> lines = new ArrayList<>();
    for (String job : List.of("validate", "pages")) pipeline.get(job).get("script").forEach(l -> lines.add(l.asText()));
    assertCommandsExist(lines);
  }

  private static void assertCommandsExist(List<String> lines) {
    int calls = 0;
    for (String line : lines) {
      Matcher m = CALL.matcher(line);
      while (m.find()) {
        calls++;
        List<String> args = new ArrayList<>();
        args.add(m.group(1));
        for (String a : m.group(2).trim().split("\\s+")) if (!a.isBlank()) args.add(a);
        CommandLine cli = dev.hindsight.cli.Main.parser();
        CommandLine.ParseResult parsed;
        try {
          parsed = cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
          throw new AssertionError("`" + line + "`: " + e.getMessage(), e);
        }
        assertThat(parsed.hasSubcommand()).as(line).isTrue();
      }
    }
    assertThat(calls).as("the file runs hindsight").isGreaterThan(0);
    assertThat(calls).as("every line that runs the jar (JVM flags and all) is checked")
        .isEqualTo(lines.stream().filter(l -> l.contains("hindsight.jar ")).count());
  }
}
