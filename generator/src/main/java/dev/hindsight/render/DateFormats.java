package dev.hindsight.render;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The date and time formats readers see, on the site and in the PDFs alike. */
public final class DateFormats {
  /** {@code 7 Oct 2026}. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  /** {@code 7 Oct 2026, 14:05 CEST}. */
  public static final WithZoneName DATE_TIME = new WithZoneName(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH));
  /** {@code 14:05}. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
  /** Zone names by what decides them: the zone, whether it is summer time, the offset. */
  private record NameKey(ZoneId zone, boolean summer, java.time.ZoneOffset offset) {}

  private static final Map<NameKey, String> NAMES = new ConcurrentHashMap<>();

  private DateFormats() {}

  /**
   * A date and time followed by the zone's short name ({@code CET}, {@code CEST}). The JDK's own
   * {@code z} pattern is not safe here: when several threads ask for a zone's name for the first
   * time at once, some get {@code GMT+01:00} instead of {@code CET}, and that answer can stick for
   * the rest of the run (seen on JDK 17 in 7 of 15 fresh JVMs with 8 threads). Pages are rendered
   * in parallel, so the names are looked up one at a time here and kept.
   */
  public static final class WithZoneName {
    private final DateTimeFormatter base;

    private WithZoneName(DateTimeFormatter base) {
      this.base = base;
    }

    public String format(ZonedDateTime t) {
      return base.format(t) + " " + zoneName(t);
    }
  }

  private static final String[] MONTHS = new String[12];

  static {
    DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    for (int m = 1; m <= 12; m++) MONTHS[m - 1] = month.format(java.time.LocalDate.of(2000, m, 1));
  }

  /**
   * A sample's time (seconds since 1970-01-01T00:00Z) in {@code zone} as {@link #DATE_TIME} writes it,
   * and as written in the file ({@code OffsetDateTime.toString()} at {@code offsetSeconds}).
   * Each page shows every sample of its metrics (over a million at 10,000 incidents), and going
   * through {@code OffsetDateTime}, {@code ZonedDateTime} and the formatter for both texts was a
   * thirtieth of a clean build. Whole minutes and seconds of years 1000 to 9999 are written here;
   * anything else goes the long way. DateFormatsTest compares both.
   */
  public static String[] sampleTimes(long epochSecond, int nano, int offsetSeconds, ZoneId zone) {
    java.time.Instant instant = java.time.Instant.ofEpochSecond(epochSecond, nano);
    java.time.zone.ZoneRules rules = zone.getRules();
    java.time.ZoneOffset local = rules.getOffset(instant);
    java.time.LocalDateTime shown = java.time.LocalDateTime.ofEpochSecond(epochSecond, nano, local);
    java.time.LocalDateTime written = offsetSeconds == local.getTotalSeconds() ? shown
        : java.time.LocalDateTime.ofEpochSecond(epochSecond, nano, java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
    if (nano != 0 || shown.getYear() < 1000 || shown.getYear() > 9999 || written.getYear() < 1000 || written.getYear() > 9999) {
      java.time.OffsetDateTime at = java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
      return new String[] {DATE_TIME.format(at.atZoneSameInstant(zone)), at.toString()};
    }
    StringBuilder sb = new StringBuilder(32).append(shown.getDayOfMonth()).append(' ').append(MONTHS[shown.getMonthValue() - 1])
        .append(' ').append(shown.getYear()).append(", ");
    two(sb, shown.getHour()).append(':');
    two(sb, shown.getMinute()).append(' ').append(zoneName(new NameKey(zone, rules.isDaylightSavings(instant), local), instant));
    String dateTime = sb.toString();
    sb.setLength(0);
    sb.append(written.getYear()).append('-');
    two(sb, written.getMonthValue()).append('-');
    two(sb, written.getDayOfMonth()).append('T');
    two(sb, written.getHour()).append(':');
    two(sb, written.getMinute());
    if (written.getSecond() != 0) two(sb.append(':'), written.getSecond());
    sb.append(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds).getId());
    return new String[] {dateTime, sb.toString()};
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  static String zoneName(ZonedDateTime t) {
    java.time.Instant instant = t.toInstant();
    return zoneName(new NameKey(t.getZone(), t.getZone().getRules().isDaylightSavings(instant), t.getOffset()), instant);
  }

  /** The name under {@code key}, looked up (one thread at a time) at {@code instant} the first time. */
  private static String zoneName(NameKey key, java.time.Instant instant) {
    String name = NAMES.get(key);
    if (name != null) return name;
    synchronized (NAMES) {
      return NAMES.computeIfAbsent(key, k -> ZONE_NAME.format(ZonedDateTime.ofInstant(instant, k.zone())));
    }
  }
}
