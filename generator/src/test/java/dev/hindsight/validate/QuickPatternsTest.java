package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The schema's patterns and formats answer as networknt's do, with or without the test by hand in front. */
class QuickPatternsTest {
  @Test
  void theTestsByHandAreForPatternsTheIncidentSchemaHas() throws Exception {
    String schema = Files.readString(Path.of("../schema/incident.schema.json"));
    for (String regex : SchemaChecker.QuickPatterns.SURE.keySet()) {
      String asJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(regex);
      assertThat(schema).as("the incident schema has %s", regex).contains("\"pattern\": " + asJson);
    }
  }

  @Test
  void sayYesOnlyWhereTheExpressionMatchesAndAnswerAsItDoes() {
    List<String> pieces = List.of("2025", "-", "03", "04", "T", "09", ":", "12", "00", "Z", "+", "01", ".5", "t", "z", "\n", " ", "a", "B", "_",
        ".", "x-y", "é", "0", "12345", "٣", "orders-db", "Db_1.2", "-x", "EUR");
    SplittableRandom r = new SplittableRandom(17);
    for (Map.Entry<String, Predicate<String>> e : SchemaChecker.QuickPatterns.SURE.entrySet()) {
      // As networknt matches by itself (which reads `$` as the end of the text, as ECMAScript does).
      var regex = com.networknt.schema.regex.JDKRegularExpressionFactory.getInstance().getRegularExpression(e.getKey());
      var quick = SchemaChecker.QuickPatterns.INSTANCE.getRegularExpression(e.getKey());
      int sure = 0;
      for (int n = 0; n < 100_000; n++) {
        StringBuilder text = new StringBuilder();
        for (int k = r.nextInt(12); k >= 0; k--) text.append(pieces.get(r.nextInt(pieces.size())));
        String s = n % 3 == 0 ? mutate(r, example(e.getKey())) : text.toString();
        boolean matches = regex.matches(s);
        if (e.getValue().test(s)) {
          sure++;
          assertThat(matches).as("%s said yes to [%s]", e.getKey(), s).isTrue();
        }
        assertThat(quick.matches(s)).as("%s on [%s]", e.getKey(), s).isEqualTo(matches);
      }
      assertThat(sure).as("values taken by hand for %s", e.getKey()).isGreaterThan(1_000);
    }
  }

  @Test
  void theFormatsAnswerAsNetworkntsOwn() {
    var context = new com.networknt.schema.ExecutionContext();
    SplittableRandom r = new SplittableRandom(19);
    for (com.networknt.schema.format.Format own : com.networknt.schema.format.Formats.DEFAULT) {
      Predicate<String> sure = switch (own.getName()) {
        case "date-time" -> dev.hindsight.load.Fields::plainTime;
        case "date" -> dev.hindsight.load.Fields::plainDate;
        default -> null;
      };
      if (sure == null) continue;
      var quick = new SchemaChecker.QuickFormat(own, sure);
      assertThat(quick.getName()).isEqualTo(own.getName());
      assertThat(quick.getMessageKey()).isEqualTo(own.getMessageKey());
      int taken = 0;
      for (int n = 0; n < 100_000; n++) {
        String s = String.format("%04d-%02d-%02d", r.nextInt(0, 10000), r.nextInt(0, 14), r.nextInt(0, 33));
        if (own.getName().equals("date-time")) {
          s += String.format("T%02d:%02d:%02d%s", r.nextInt(0, 25), r.nextInt(0, 61), r.nextInt(0, 62), switch (r.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> String.format("+%02d:%02d", r.nextInt(0, 25), r.nextInt(0, 61));
            case 2 -> String.format("-%02d:%02d", r.nextInt(0, 25), r.nextInt(0, 61));
            default -> ".5+01:00";
          });
        }
        if (r.nextInt(5) == 0) s = mutate(r, s);
        boolean accepted = own.matches(context, s);
        if (sure.test(s)) {
          taken++;
          assertThat(accepted).as("%s: taken by hand but refused: [%s]", own.getName(), s).isTrue();
        }
        assertThat(quick.matches(context, s)).as("%s on [%s]", own.getName(), s).isEqualTo(accepted);
      }
      assertThat(taken).as("values of %s taken by hand", own.getName()).isGreaterThan(10_000);
    }
  }

  private static String example(String regex) {
    if (regex.contains("T")) return "2025-03-04T09:12:00+01:00";
    if (regex.contains("\\d")) return "2025-03-04";
    return regex.contains("A-Z") ? "Orders_db.1-x" : "orders-db-2";
  }

  /** A valid value, sometimes with one character changed, dropped or added. */
  private static String mutate(SplittableRandom r, String s) {
    if (r.nextInt(3) == 0) return r.nextBoolean() ? s.replace("+01:00", "Z") : s;
    StringBuilder b = new StringBuilder(s);
    int at = r.nextInt(b.length());
    String chars = "0123456789-:TZ+._aA é\n";
    switch (r.nextInt(3)) {
      case 0 -> b.setCharAt(at, chars.charAt(r.nextInt(chars.length())));
      case 1 -> b.deleteCharAt(at);
      default -> b.insert(at, chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString();
  }
}
