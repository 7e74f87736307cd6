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

  /** The instant and offset read without an OffsetDateTime are the JDK's, from year 0 to 9999. */
  @Test
  void readsTheInstantAndOffsetOfATimeAsTheJdkDoes() {
    SplittableRandom r = new SplittableRandom(8);
    for (int n = 0; n < 200_000; n++) {
      String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", r.nextInt(0, 10000), r.nextInt(1, 13), r.nextInt(1, 32), r.nextInt(0, 24),
          r.nextInt(0, 60), r.nextInt(0, 60), r.nextBoolean() ? "Z" : (r.nextBoolean() ? "+" : "-") + String.format("%02d:%02d", r.nextInt(0, 19), r.nextInt(0, 60)));
      Optional<OffsetDateTime> jdk = jdk(s);
      long quick = Fields.quickEpochSecond(s);
      assertThat(quick != Fields.NOT_QUICK).as(s).isEqualTo(jdk.isPresent());
      // A sample's time read with its line holds the same, for the schema check and the model.
      SampleTime sample = new SampleTime(s);
      // A time of the common shape is one the sample reader takes without looking at its characters again.
      if (quick != Fields.NOT_QUICK) assertThat(SampleLines.time(s)).as(s).isTrue();
      assertThat(sample).isEqualTo(new com.fasterxml.jackson.databind.node.TextNode(s));
      assertThat(sample.epochSecond()).as(s).isEqualTo(quick);
      assertThat(sample.plain()).as(s).isEqualTo(Fields.plainTime(s));
      if (jdk.isEmpty()) continue;
      assertThat(sample.offsetSeconds()).as(s).isEqualTo(jdk.get().getOffset().getTotalSeconds());
      assertThat(quick).as(s).isEqualTo(jdk.get().toEpochSecond());
      assertThat(Fields.quickOffsetSeconds(s)).as(s).isEqualTo(jdk.get().getOffset().getTotalSeconds());
      assertThat(Fields.plainTime(s)).as(s).isEqualTo(jdk.get().getYear() >= 1 && !s.endsWith("-00:00"));
    }
  }

  /** Dates read digit by digit are LocalDate.parse's, valid or not. */
  @Test
  void readsDatesAsTheJdkParserDoes() {
    SplittableRandom r = new SplittableRandom(4);
    for (int n = 0; n < 100_000; n++) {
      String s = String.format("%04d-%02d-%02d", r.nextInt(0, 10000), r.nextInt(0, 14), r.nextInt(0, 33));
      if (r.nextInt(8) == 0) {
        char[] c = s.toCharArray();
        c[r.nextInt(c.length)] = "0123456789-+x ".charAt(r.nextInt(14));
        s = new String(c);
      }
      Optional<java.time.LocalDate> jdk;
      try {
        jdk = Optional.of(java.time.LocalDate.parse(s));
      } catch (DateTimeParseException e) {
        jdk = Optional.empty();
      }
      assertThat(Fields.parseDate(s)).as(s).isEqualTo(jdk);
    }
  }
}
