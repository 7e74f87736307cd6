package dev.hindsight.load;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A file's text as one array of characters and where each of its lines starts and ends: the lines
 * {@link String#lines()} gives (ended by {@code \n}, {@code \r\n} or {@code \r}, without their
 * ends), without a {@code String} each. The checks that read every line (the secret scan, the
 * blame lint) read them from the array, which the quick compiler indexes several times faster
 * than {@code String.charAt}; the front matter is cut at a line found here, not by searching the
 * text again. Immutable once made; the array is shared, not copied, so callers must not write to it.
 */
public final class TextLines {
  private final String text;
  private final char[] chars;
  private final int[] starts;
  private final int[] ends;
  private final int count;
  private final boolean carriageReturns;

  private TextLines(String text, char[] chars, int[] starts, int[] ends, int count, boolean carriageReturns) {
    this.text = text;
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
    this.carriageReturns = carriageReturns;
  }

  /** The lines of {@code text}. */
  public static TextLines of(String text) {
    char[] cs = text.toCharArray();
    int n = cs.length;
    int capacity = n / 32 + 2;
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int count = 0;
    int start = 0;
    boolean cr = false;
    for (int k = 0; k < n; k++) {
      char c = cs[k];
      if (c > '\r' || c != '\n' && c != '\r') continue;
      if (count + 1 >= capacity) {
        capacity *= 2;
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
      }
      starts[count] = start;
      ends[count++] = k;
      if (c == '\r') {
        cr = true;
        if (k + 1 < n && cs[k + 1] == '\n') k++;
      }
      start = k + 1;
    }
    if (start < n) {
      starts[count] = start;
      ends[count++] = n;
    }
    return new TextLines(text, cs, starts, ends, count, cr);
  }

  /** The whole text. */
  public String text() {
    return text;
  }

  /** The text's characters (shared: not to be written to). */
  public char[] chars() {
    return chars;
  }

  /** How many lines there are. */
  public int count() {
    return count;
  }

  /** Where line {@code k} (0-based) starts in {@link #chars()}. */
  public int start(int k) {
    return starts[Objects.checkIndex(k, count)];
  }

  /** Where line {@code k} (0-based) ends in {@link #chars()}, before its line end. */
  public int end(int k) {
    return ends[Objects.checkIndex(k, count)];
  }

  /** Line {@code k} (0-based), without its end. */
  public String line(int k) {
    return text.substring(start(k), end(k));
  }

  /** Whether any line ends in {@code \r} or {@code \r\n} rather than {@code \n}. */
  public boolean carriageReturns() {
    return carriageReturns;
  }

  /** The lines as strings, each made when asked for: what {@code text.lines().toList()} gives. */
  public List<String> asList() {
    return new Lines();
  }

  private final class Lines extends AbstractList<String> implements RandomAccess {
    @Override
    public String get(int k) {
      return line(k);
    }

    @Override
    public int size() {
      return count;
    }
  }

  @Override
  public String toString() {
    return "TextLines" + Arrays.toString(Arrays.copyOf(starts, count)) + " of " + text.length() + " characters";
  }
}
