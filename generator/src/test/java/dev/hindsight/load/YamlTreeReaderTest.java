package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
  private static final Path FILE = Path.of("x.md");
  private final YamlTreeReader reader = new YamlTreeReader();

  @Test
  void recordsTheLineAndColumnOfEveryKeyAndValueShiftedByTheFirstLine() {
    String yaml = "title: Slow\nactions:\n  - id: A1\n    owner: dba\n";
    YamlTreeReader.Result r = reader.read(FILE, yaml, 2);
    NodePath owner = NodePath.ROOT.field("actions").index(0).field("owner");
    assertThat(r.map().key(owner)).isEqualTo(new Location(FILE, 5, 5));
    assertThat(r.map().value(owner)).isEqualTo(new Location(FILE, 5, 12));
    assertThat(r.map().value(NodePath.ROOT.field("title"))).isEqualTo(new Location(FILE, 2, 8));
    assertThat(r.tree().at("/actions/0/owner").asText()).isEqualTo("dba");
  }

  @Test
  void aMissingFieldIsLocatedAtTheObjectThatShouldHoldIt() {
    YamlTreeReader.Result r = reader.read(FILE, "actions:\n  - id: A1\n    title: Fix\n", 1);
    assertThat(r.map().value(NodePath.ROOT.field("actions").index(0).field("owner"))).isEqualTo(new Location(FILE, 2, 5));
  }

  @Test
  void keepsTimestampsAndDatesAsTextSoTheSchemaCanJudgeThem() {
    YamlTreeReader.Result r = reader.read(FILE, "started: 2025-03-04T09:12:00+01:00\ndue: 2025-03-11\nn: 12\nx: 1.5\n", 1);
    assertThat(r.tree().get("started").isTextual()).isTrue();
    assertThat(r.tree().get("started").asText()).isEqualTo("2025-03-04T09:12:00+01:00");
    assertThat(r.tree().get("due").isTextual()).isTrue();
    assertThat(r.tree().get("n").isIntegralNumber()).isTrue();
    assertThat(r.tree().get("x").isFloatingPointNumber()).isTrue();
  }

  @Test
  void reportsADuplicateKeyAtTheSecondOccurrence() {
    YamlTreeReader.Result r = reader.read(FILE, "title: A\nseverity: SEV1\ntitle: B\n", 2);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Code.HS003);
      assertThat(d.location()).isEqualTo(new Location(FILE, 4, 1));
      assertThat(d.message()).contains("first on line 2");
    });
    assertThat(r.tree().get("title").asText()).isEqualTo("A");
  }

  @Test
  void reportsSyntaxErrorsInTheAuthorsLineNumbers() {
    YamlTreeReader.Result r = reader.read(FILE, "title: A\nservices: [a, b\nimpact:\n  summary: x\n", 2);
    assertThat(r.tree()).isNull();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Code.HS001);
      assertThat(d.location().line()).isEqualTo(4);
      assertThat(d.message()).contains("starts on line 3").doesNotContain("reader");
    });
  }
}
