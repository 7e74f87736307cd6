package dev.hindsight.render;

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
  private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

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

  static String zoneName(ZonedDateTime t) {
    boolean summer = t.getZone().getRules().isDaylightSavings(t.toInstant());
    String key = t.getZone().getId() + (summer ? "/dst" : "/std") + t.getOffset().getId();
    String name = NAMES.get(key);
    if (name != null) return name;
    synchronized (NAMES) {
      return NAMES.computeIfAbsent(key, k -> ZONE_NAME.format(t));
    }
  }
}
