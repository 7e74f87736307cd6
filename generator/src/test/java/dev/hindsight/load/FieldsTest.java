package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldsTest {
  /** The quick reader of timestamps agrees with OffsetDateTime.parse on valid, invalid and odd input alike. */
  @Test
  void readsTimestampsExactlyAsTheJdkParserDoes() {
    SplittableRandom r = new SplittableRandom(5);
    String digits = "0123456789";
    for (int n = 0; n < 200_000; n++) {
      String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", r.nextInt(1, 10000), r.nextInt(0, 14), r.nextInt(0, 33), r.nextInt(0, 25),
          r.nextInt(0, 61), r.nextInt(0, 61), switch (r.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> "+" + String.format("%02d:%02d", r.nextInt(0, 20), r.nextInt(0, 61));
            case 2 -> "-" + String.format("%02d:%02d", r.nextInt(0, 20), r.nextInt(0, 61));
            default -> "+01:00";
          });
      if (r.nextInt(10) == 0) {
        char[] c = s.toCharArray();
        c[r.nextInt(c.length)] = r.nextBoolean() ? digits.charAt(r.nextInt(10)) : "-:T+Zx ".charAt(r.nextInt(7));
        s = new String(c);
      }
      assertThat(Fields.parseTime(s)).as(s).isEqualTo(jdk(s));
    }
    for (String s : new String[] {"2024-02-29T10:00:00+01:00", "2025-02-29T10:00:00+01:00", "2025-03-04T09:12:00.5+01:00", "2025-03-04T09:12+01:00",
        "2025-03-04T24:00:00Z", "2025-03-04T09:12:00+18:00", "2025-03-04T09:12:00-18:01", "+2025-03-04T09:12:00Z"}) {
      assertThat(Fields.parseTime(s)).as(s).isEqualTo(jdk(s));
    }
  }

  private static Optional<OffsetDateTime> jdk(String s) {
    try {
      return Optional.of(OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
