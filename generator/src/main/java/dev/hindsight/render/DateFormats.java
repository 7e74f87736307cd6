package dev.hindsight.render;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The date and time formats readers see, on the site and in the PDFs alike. */
public final class DateFormats {
  /** {@code 7 Oct 2026}. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  /** {@code 7 Oct 2026, 14:05 CEST}. */
  public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
  /** {@code 14:05}. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private DateFormats() {}
}
