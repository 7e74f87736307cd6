package dev.hindsight.render;

import java.time.Duration;

/** Formats durations the way people say them: "1 h 42 min", "2 d 3 h", "35 min". */
public final class Durations {
  private Durations() {}

  public static String human(Duration d) {
    boolean negative = d.isNegative();
    long minutes = Math.abs(d.toMinutes());
    String body;
    if (minutes < 1) {
      body = "< 1 min";
    } else if (minutes < 60) {
      body = minutes + " min";
    } else if (minutes < 24 * 60) {
      long h = minutes / 60, m = minutes % 60;
      body = m == 0 ? h + " h" : h + " h " + m + " min";
    } else {
      long days = minutes / (24 * 60), h = (minutes % (24 * 60)) / 60;
      body = h == 0 ? days + " d" : days + " d " + h + " h";
    }
    return negative ? "−" + body : body;
  }

  /** An offset from the start of the incident, "T+14 min" or "T−2 h". */
  public static String offset(Duration fromStart) {
    if (fromStart.isZero()) return "T+0";
    return fromStart.isNegative() ? "T" + human(fromStart) : "T+" + human(fromStart);
  }
}
