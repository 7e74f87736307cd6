package dev.hindsight.load;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The time of a metric sample that {@link SampleLines} read, as the text node a YAML reader makes
 * of it (equal to one), holding what {@link Fields#quickEpochSecond} made of it: the schema check
 * and the model read the instant from here instead of parsing the text again (a metric series is
 * 30 to 60 of them; each was read three times).
 */
public final class SampleTime extends TextNode {
  private static final long serialVersionUID = 1L;

  private final long epochSecond;

  SampleTime(String text) {
    this(text, Fields.quickEpochSecond(text));
  }

  /** The time {@code text}, whose {@link Fields#quickEpochSecond} is {@code epochSecond} (read with its line). */
  SampleTime(String text, long epochSecond) {
    super(text);
    this.epochSecond = epochSecond;
  }

  /** Seconds since 1970-01-01T00:00Z, or {@link Fields#NOT_QUICK} when the text is not of the common shape (then parse it). */
  public long epochSecond() {
    return epochSecond;
  }

  /** The UTC offset it was written with, in seconds (0 when not {@link #quick()}). */
  public int offsetSeconds() {
    return quick() ? Fields.quickOffsetSeconds(textValue()) : 0;
  }

  /** Whether the time is of the common shape and was read here. */
  public boolean quick() {
    return epochSecond != Fields.NOT_QUICK;
  }

  /** What {@link Fields#plainTime} says of the text: read here, from year 1 on. */
  public boolean plain() {
    return Fields.plainTime(textValue(), epochSecond);
  }
}
