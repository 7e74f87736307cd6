package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the YAML read by hand ({@link CommonYaml}): whatever text it takes, it
 * reads as SnakeYAML does (the same tree and the same line and column for every key and value), and
 * it never takes a text in which SnakeYAML finds a problem. In the normal test run this replays the
 * inputs under {@code src/test/resources/dev/hindsight/load/CommonYamlFuzzTestInputs/}; see
 * docs/fuzzing.md for a campaign.
 */
class CommonYamlFuzzTest {
  private static final Path FILE = Path.of("incident.md");
  private static final YamlTreeReader READER = new YamlTreeReader();

  @FuzzTest(maxDuration = "10m")
  void whatIsReadByHandIsReadAsSnakeYamlReadsIt(byte[] bytes) {
    String yaml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    YamlTreeReader.Result byHand = CommonYaml.read(FILE, yaml, 2);
    YamlTreeReader.Result snakeYaml = READER.readAsWritten(FILE, yaml, 2);
    if (byHand != null) {
      assertThat(snakeYaml.diagnostics()).as("SnakeYAML's problems with a text taken by hand").isEmpty();
      SameReading.assertSame(yaml, byHand, snakeYaml);
    }
    SameReading.assertSame(yaml, READER.read(FILE, yaml, 2), snakeYaml);
  }
}
