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
    // Read in place as a file's text, its lines found as its bytes were read (a .yaml file, and a
    // Markdown file's front matter): the same reading.
    TextLines whole = CommonYamlTest.linesOf(yaml);
    SameReading.assertSame(yaml + " (whole)", READER.read(FILE, whole, 0, yaml.length(), 2), snakeYaml);
    String file = "---\n" + yaml + (yaml.endsWith("\n") ? "" : "\n") + "---\nbody\n";
    TextLines lines = CommonYamlTest.linesOf(file);
    DocumentReader.FrontMatter split = DocumentReader.FrontMatter.split(lines);
    if (split != null && split.inPlace(lines)) {
      SameReading.assertSame(file, READER.read(FILE, lines, split.yamlFrom(), split.yamlTo(), 2), READER.read(FILE, split.yaml(), 2));
    }
  }
}
