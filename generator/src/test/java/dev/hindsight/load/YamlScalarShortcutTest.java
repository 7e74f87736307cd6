package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The YAML parser's shortcut for common scalars reads every document exactly as Jackson's own parser does. */
class YamlScalarShortcutTest {
  private static final YAMLFactory STOCK = new YAMLFactory();
  private static final YAMLFactory QUICK = new QuickScalarYamlFactory();

  /** Every token with its text and, for numbers, its type and value. */
  private static List<String> tokens(YAMLFactory factory, String yaml) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        String entry = t + " " + p.getText();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          try {
            entry += " " + p.getNumberType() + " " + p.getNumberValue() + " " + p.getDecimalValue() + " " + p.getDoubleValue();
          } catch (RuntimeException | IOException e) {
            entry += " cannot be read as a number: " + e.getClass().getSimpleName();
          }
        }
        out.add(entry);
      }
    } catch (IOException e) {
      out.add("error " + e.getClass().getSimpleName());
    }
    return out;
  }

  @Test
  void typesTimestampsNumbersAndTextAsJacksonDoes() throws IOException {
    String yaml = """
        started: 2023-12-01T11:37:00+01:00
        day: 2023-12-01
        spaced: 2023-12-01 11:37:00
        users: 18165
        negative: -42
        zero: 0
        octal: 0755
        ratio: 0.25
        value: 1113.54
        under: 1_000
        exp: 1e5
        hex: 0x1F
        sexagesimal: 190:20:30
        version: 1.2.3
        dots: 1.
        words: 3 replicas lagged
        yes: yes
        empty:
        null: ~
        big: 123456789012345678901234567890
        inf: .inf
        points:
          - [2023-12-01T11:07:00+01:00, 113.64]
          - [2023-12-01T11:22:00Z, -155]
        quoted: "2023-12-01T11:37:00+01:00"
        single: '12'
        tagged: !!str 12
        """;
    assertThat(tokens(QUICK, yaml)).isEqualTo(tokens(STOCK, yaml));
    assertThat(tokens(QUICK, "v: 113.64")).contains("VALUE_NUMBER_FLOAT 113.64 DOUBLE 113.64 113.64 113.64");
  }

  @Test
  void agreesWithJacksonOnRandomScalars() throws IOException {
    String alphabet = "0123456789-+._:Tt eExXbB,abfinINFaA~";
    SplittableRandom r = new SplittableRandom(17);
    int quick = 0;
    for (int n = 0; n < 30_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + r.nextInt(14);
      if (r.nextInt(3) == 0) sb.append((char) ('0' + r.nextInt(10)));
      for (int k = sb.length(); k < length; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String scalar = sb.toString().strip();
      if (scalar.isEmpty()) continue;
      if (QuickScalarYamlFactory.quickType(scalar) != null) quick++;
      String yaml = "k: " + scalar + "\nlist: [" + scalar + "]\n";
      assertThat(tokens(QUICK, yaml)).as("%s", scalar).isEqualTo(tokens(STOCK, yaml));
    }
    assertThat(quick).as("scalars the shortcut typed itself").isGreaterThan(3_000);
  }
}
