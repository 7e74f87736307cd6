package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.load.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The schema check gives the same diagnostics whether plainly valid metric samples are checked by it or stood in for. */
class PlainSamplesSchemaTest {
  private final SchemaChecker schema = SchemaChecker.incidents();

  @Test
  void samplesStoodInForGiveTheSameDiagnosticsAsSamplesChecked() throws Exception {
    Path file = dev.hindsight.TestPaths.repoRoot().resolve("postmortems/2025-08-29-orders-replica-lag-summer-sale.md");
    String text = Files.readString(file);
    String yaml = text.substring(4, text.indexOf("\n---\n", 4) + 1);
    YamlTreeReader.Result read = new YamlTreeReader().read(file, yaml, 2);
    assertThat(schema.check(read.tree(), read.map(), true)).isEqualTo(schema.check(read.tree(), read.map(), false)).isEmpty();

    String[] times = {"2025-08-29T10:00:00+02:00", "2025-08-29T10:00:00Z", "2025-08-29T10:00+02:00", "2025-08-29T10:00:00.5Z", "2025-02-29T10:00:00Z",
        "2024-02-29T10:00:00Z", "2025-04-31T10:00:00Z", "2025-08-29T24:00:00Z", "2025-08-29T23:59:60Z", "2025-08-29T10:60:00Z", "2025-13-01T10:00:00Z",
        "0000-01-01T00:00:00Z", "2025-08-29t10:00:00z", "2025-08-29 10:00:00Z", "2025-08-29T10:00:00+18:00", "2025-08-29T10:00:00+18:30",
        "2025-08-29T10:00:00-23:59", "2025-08-29T10:00:00+02:60", "2025-08-29T10:00:00+0200", "2025-8-29T10:00:00Z", "2025-08-29T10:00:00-00:00", "yesterday", ""};
    SplittableRandom r = new SplittableRandom(8);
    int stoodIn = 0;
    for (int n = 0; n < 1_500; n++) {
      ObjectNode doc = read.tree().deepCopy();
      ArrayNode points = (ArrayNode) doc.get("metrics").get(0).get("points");
      points.removeAll();
      for (int k = r.nextInt(5); k >= 0; k--) {
        ArrayNode sample = points.addArray();
        switch (r.nextInt(12)) {
          case 0 -> sample.add(times[r.nextInt(times.length)]);
          case 1 -> sample.add(times[0]).add("12");
          case 2 -> sample.add(times[0]).add(Double.NaN);
          case 3 -> sample.add(times[0]).add(1).add(2);
          case 4 -> sample.add(7).add(1);
          default -> sample.add(r.nextInt(3) == 0 ? times[r.nextInt(times.length)] : times[r.nextInt(2)]).add(r.nextBoolean() ? r.nextInt(100) : r.nextDouble());
        }
      }
      if (SchemaChecker.withPlainSamplesStubbed(doc) != doc) stoodIn++;
      assertThat(schema.check(doc, read.map(), true)).as("%s", points).isEqualTo(schema.check(doc, read.map(), false));
      assertThat(doc.get("metrics").get(0).get("points")).as("the document itself is left alone").isSameAs(points);
    }
    assertThat(stoodIn).isGreaterThan(150);
  }

  @Test
  void takesOnlyTimesBeyondDoubt() {
    assertThat(dev.hindsight.load.Fields.plainTime("2025-08-29T10:00:00+02:00")).isTrue();
    assertThat(dev.hindsight.load.Fields.plainTime("2024-02-29T23:59:59Z")).isTrue();
    assertThat(dev.hindsight.load.Fields.plainTime("2025-02-29T10:00:00Z")).isFalse();
    assertThat(dev.hindsight.load.Fields.plainTime("2025-08-29T10:00+02:00")).isFalse();
    assertThat(dev.hindsight.load.Fields.plainTime("2025-08-29T23:59:60Z")).isFalse();
    assertThat(dev.hindsight.load.Fields.plainTime("2025-08-29T10:00:00+18:30")).isFalse();
    // RFC 3339's unknown offset: the schema's date-time format refuses it (the model reads it as UTC).
    assertThat(dev.hindsight.load.Fields.plainTime("2025-08-29T10:00:00-00:00")).isFalse();
    assertThat(dev.hindsight.load.Fields.plainTime("2025-08-29T10:00:00+00:00")).isTrue();
  }
}
