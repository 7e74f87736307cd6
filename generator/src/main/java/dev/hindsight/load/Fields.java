package dev.hindsight.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values out of a document tree. The schema checker reports wrong shapes, forms and
 * impossible dates; here such values are simply skipped, so each mistake is reported once.
 */
public final class Fields {
  Fields() {}

  Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  String requiredText(JsonNode node, String field) {
    return text(node, field).orElse("");
  }

  List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node.get(field);
    if (v != null && v.isArray()) v.forEach(e -> {
      if (e.isValueNode() && !e.isNull()) out.add(e.asText());
    });
    return out;
  }

  Optional<OffsetDateTime> time(JsonNode node, String field) {
    return text(node, field).flatMap(Fields::parseTime);
  }

  static Optional<OffsetDateTime> parseTime(String s) {
    OffsetDateTime quick = quickTime(s);
    if (quick != null) return Optional.of(quick);
    try {
      return Optional.of(OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The common shape {@code 2025-03-04T09:12:00+01:00} (or {@code Z}) read digit by digit: metric
   * series have thousands of these and the general parser was a tenth of validation. Anything
   * else, and any value out of range, is left to {@link OffsetDateTime#parse} (null here).
   */
  public static OffsetDateTime quickTime(String s) {
    int n = s.length();
    if (n != 25 && n != 20) return null;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) return null;
    int offsetSeconds;
    if (n == 20) {
      if (s.charAt(19) != 'Z') return null;
      offsetSeconds = 0;
    } else {
      char sign = s.charAt(19);
      int oh = digits(s, 20, 2);
      int om = digits(s, 23, 2);
      if (sign != '+' && sign != '-' || s.charAt(22) != ':' || (oh | om) < 0 || oh > 18 || om > 59) return null;
      offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      if (Math.abs(offsetSeconds) > 18 * 3600) return null;
    }
    if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, 0, java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  Optional<LocalDate> date(JsonNode node, String field) {
    return text(node, field).flatMap(s -> {
      try {
        return Optional.of(LocalDate.parse(s));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }
}
