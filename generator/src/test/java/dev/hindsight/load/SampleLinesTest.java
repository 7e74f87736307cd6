package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.bench.SyntheticCorpus;
import dev.hindsight.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metric samples read by hand ({@link SampleLines}) give the same tree, the same line and column
 * for every key and value, and the same problems as SnakeYAML reading the text as written.
 */
class SampleLinesTest {
  private static final Path FILE = Path.of("incident.md");
  private final YamlTreeReader reader = new YamlTreeReader();

  @Test
  void readsTheSamplesOfTheExamplesAndOfTheBenchmarkCorpusAsSnakeYamlDoes(@TempDir Path dir) throws IOException {
    new SyntheticCorpus(150, 7).write(dir);
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("../postmortems").toAbsolutePath().normalize(), dir.resolve("postmortems"))) {
      try (Stream<Path> all = Files.walk(root)) {
        all.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
      }
    }
    int taken = 0;
    for (Path f : files) {
      DocumentReader.FrontMatter split = DocumentReader.FrontMatter.split(Files.readString(f, StandardCharsets.UTF_8));
      if (split == null || split.closingLine() < 0) continue;
      assertSameReading(f.toString(), split.yaml());
      if (reader.withSamplesByHand(f, split.yaml(), 2) != null) taken++;
    }
    assertThat(files).hasSizeGreaterThan(160);
    assertThat(taken).as("files whose samples were read by hand").isGreaterThan(150);
  }

  @Test
  void takesTheCommonLayoutAndPutsEveryValueWhereSnakeYamlWould() {
    String yaml = """
        metrics:
          - id: m0
            points:
              - [2023-12-01T11:07:00+01:00, 113.64]
              - [2023-12-01T11:22:00Z, -155]
              - [2023-12-01T11:37:00+01:00, 4000000000]
          - id: m1
            points:
            - [2023-12-01T11:07:00+01:00, 0]

        timeline: []
        """;
    SampleLines.Masked masked = SampleLines.mask(yaml);
    assertThat(masked).isNotNull();
    assertThat(masked.blocks()).containsOnlyKeys(3, 8);
    assertThat(masked.text()).doesNotContain("113.64");
    YamlTreeReader.Result r = reader.read(FILE, yaml, 2);
    NodePath points = NodePath.ROOT.field("metrics").index(0).field("points");
    assertThat(r.map().value(points)).isEqualTo(new Location(FILE, 5, 7));
    assertThat(r.map().value(points.index(1))).isEqualTo(new Location(FILE, 6, 9));
    assertThat(r.map().value(points.index(1).index(1))).isEqualTo(new Location(FILE, 6, 32));
    assertThat(r.tree().at("/metrics/0/points/2/1").isLong()).isTrue();
    assertThat(r.tree().at("/metrics/0/points/1/1").isInt()).isTrue();
    assertSameReading("common layout", yaml);
  }

  @Test
  void leavesAnythingElseToSnakeYaml() {
    // Each of these stays with SnakeYAML (no block taken, or the block given back), and reads the same either way.
    List<String> others = List.of(
        "metrics:\n  - points:\n      - [2023-12-01T11:07:00Z, 1]\n",
        "points:   # samples\n  - [2023-12-01T11:07:00Z, 1]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]  # peak\n",
        "points:\n  - ['2023-12-01T11:07:00Z', 1]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1e5]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 007]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]\n\n  - [2023-12-01T11:08:00Z, 2]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]\n  # more\n  - [2023-12-01T11:08:00Z, 2]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]\n    - [2023-12-01T11:08:00Z, 2]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]\n- x\n",
        "points:\r\n  - [2023-12-01T11:07:00Z, 1]\r\n",
        "summary: |\n  points:\n  - [2023-12-01T11:07:00Z, 1]\nx: 1\n",
        "summary: \"a\npoints:\n  - [2023-12-01T11:07:00Z, 1]\nb\"\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]\npoints:\n  - [2023-12-01T11:08:00Z, 2]\n",
        "a:\n  points:\n  - [2023-12-01T11:07:00Z, 1]\n  points: 2\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1, 2]\n",
        "points:\n  - [2023-12-01T11:07:00Z,1]\n",
        "points:\n  - [1T:, 1]\n",
        "points:\n\t- [2023-12-01T11:07:00Z, 1]\n",
        "points:\n  - [2023-12-01T11:07:00Z, 1]\n  - x");
    for (String yaml : others) {
      assertSameReading(yaml, yaml);
      assertThat(reader.withSamplesByHand(FILE, yaml, 1)).as(yaml).isNull();
    }
    assertThat(reader.read(FILE, others.get(11), 1).tree().get("summary").asText()).contains("[2023-12-01T11:07:00Z, 1]");
  }

  @Test
  void takesSamplesOnTheTextsLastLineWithNoLineEndAfterIt() {
    // A .yaml incident file's text ends where the file does; the fuzzer found the masking copying past it.
    String yaml = "title: t\nmetrics:\n  - id: m0\n    points:\n      - [2023-12-01T11:07:00Z, 1]\n      - [2023-12-01T11:08:00Z, 2]";
    assertThat(SampleLines.mask(yaml)).isNotNull();
    assertThat(reader.withSamplesByHand(FILE, yaml, 1)).isNotNull();
    assertSameReading("no line end at the end", yaml);
  }

  @Test
  void agreesWithSnakeYamlOnRandomBlocks() {
    SplittableRandom r = new SplittableRandom(11);
    String[] times = {"2023-12-01T11:07:00+01:00", "2023-12-01T11:07:00Z", "2023-12-01T11:07", "2023-12-01t11:07:00Z", "2023-12-01 11:07",
        "1T", "12:30T", "2023-12-01T11:07:00.5+01:00", "'2023-12-01T11:07:00Z'", "2023-13-45T99:99:99Z", "0T:1", "9T+:", "1.5T"};
    String[] values = {"113.64", "-155", "0", "-0", "-0.0", "2147483648", "123456789012345", "1234567890123456", "1e5", "007", "1.", ".5",
        "0x1F", "1_000", "~", "null", "abc", "\"3\"", "-", "12.50"};
    String[] after = {"", "  - id: m1\n", "    title: x\n", "      deep: 1\n", "timeline: []\n", "# note\n", "    # note\n", "\n\n  - id: m2\n",
        "    - [2023-12-01T11:07:00Z, 1]\n", "  - [2023-12-01T11:07:00Z, 1]\n", "   x: 1\n", "    unit: ms\n"};
    int taken = 0;
    for (int n = 0; n < 4_000; n++) {
      StringBuilder yaml = new StringBuilder("title: t\nmetrics:\n  - id: m0\n    points:").append(r.nextInt(8) == 0 ? "  " : "").append('\n');
      int indent = r.nextInt(4) == 0 ? 4 : 6;
      int count = 1 + r.nextInt(5);
      for (int k = 0; k < count; k++) {
        int here = r.nextInt(25) == 0 ? indent + 2 : indent;
        String time = r.nextInt(3) == 0 ? times[r.nextInt(times.length)] : times[0];
        String value = r.nextInt(3) == 0 ? values[r.nextInt(values.length)] : values[0];
        yaml.append(" ".repeat(here)).append("- [").append(time).append(r.nextInt(30) == 0 ? "," : ", ").append(value).append(']')
            .append(r.nextInt(30) == 0 ? " " : "").append('\n');
      }
      yaml.append(after[r.nextInt(after.length)]);
      String text = yaml.toString();
      assertSameReading(text, text);
      if (reader.withSamplesByHand(FILE, text, 2) != null) taken++;
    }
    assertThat(taken).as("documents whose block was taken").isGreaterThan(600);
  }

  /** The reader with the shortcuts gives what SnakeYAML alone gives: tree, problems, and where every key and value is. */
  private void assertSameReading(String what, String yaml) {
    SameReading.assertSame(what, reader.read(FILE, yaml, 2), reader.readAsWritten(FILE, yaml, 2));
    SameReading.assertSame(what + " (samples by hand, the rest by SnakeYAML)", reader.withSnakeYaml(FILE, yaml, 2), reader.readAsWritten(FILE, yaml, 2));
  }
}
