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
    long epochSecond = quickEpochSecond(s);
    if (epochSecond == NOT_QUICK) return null;
    return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), java.time.ZoneOffset.ofTotalSeconds(quickOffsetSeconds(s)));
  }

  /** What {@link #quickEpochSecond} gives for a text it does not read. */
  public static final long NOT_QUICK = Long.MIN_VALUE;

  /**
   * The instant of a time {@link #quickTime} reads, in seconds since 1970-01-01T00:00Z, without
   * making an {@link OffsetDateTime} (and its date, time and offset); {@link #NOT_QUICK} for any
   * other text.
   */
  public static long quickEpochSecond(String s) {
    int n = s.length();
    if (n != 25 && n != 20) return NOT_QUICK;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') return NOT_QUICK;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) return NOT_QUICK;
    int offsetSeconds;
    if (n == 20) {
      if (s.charAt(19) != 'Z') return NOT_QUICK;
      offsetSeconds = 0;
    } else {
      char sign = s.charAt(19);
      int oh = digits(s, 20, 2);
      int om = digits(s, 23, 2);
      if (sign != '+' && sign != '-' || s.charAt(22) != ':' || (oh | om) < 0 || oh > 18 || om > 59) return NOT_QUICK;
      offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      if (Math.abs(offsetSeconds) > 18 * 3600) return NOT_QUICK;
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NOT_QUICK;
    return epochDay(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  }

  /** The UTC offset, in seconds, of a time {@link #quickEpochSecond} read. */
  public static int quickOffsetSeconds(String s) {
    if (s.length() == 20) return 0;
    int seconds = digits(s, 20, 2) * 3600 + digits(s, 23, 2) * 60;
    return s.charAt(19) == '-' ? -seconds : seconds;
  }

  /** The days of a month of the proleptic Gregorian calendar, as {@code YearMonth.lengthOfMonth}. */
  static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a date (year 0 on), as {@code LocalDate.toEpochDay}: the days-from-civil algorithm. */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /**
   * Whether {@link #quickTime} reads {@code s}, year 1 on, and its offset is not {@code -00:00}: a
   * time the schema's timestamp accepts beyond doubt (its {@code date-time} format refuses RFC
   * 3339's "unknown offset", {@code -00:00}, which {@link #quickTime} reads as UTC).
   */
  public static boolean plainTime(String s) {
    return plainTime(s, quickEpochSecond(s));
  }

  /** {@link #plainTime(String)} of {@code s}, whose {@link #quickEpochSecond} is {@code epochSecond}. */
  public static boolean plainTime(String s, long epochSecond) {
    return epochSecond != NOT_QUICK && digits(s, 0, 4) >= 1 && !s.endsWith("-00:00");
  }

  /** Whether {@code s} is a date {@code yyyy-MM-dd} that exists, year 1 on: one the schema's {@code date} format accepts beyond doubt. */
  public static boolean plainDate(String s) {
    return quickDate(s) && digits(s, 0, 4) >= 1;
  }

  /** Whether {@code s} is {@code yyyy-MM-dd}, digit by digit, and that day exists (year 0 on). */
  private static boolean quickDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return false;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    return (year | month | day) >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month);
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
    return text(node, field).flatMap(Fields::parseDate);
  }

  /** The date {@code yyyy-MM-dd}, read digit by digit when it has that shape and exists, else by {@link LocalDate#parse}. */
  static Optional<LocalDate> parseDate(String s) {
    if (quickDate(s)) return Optional.of(LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)));
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
