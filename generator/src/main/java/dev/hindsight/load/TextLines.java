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
  /** Whether the text is printable ASCII and {@code \n} line ends, nothing else (see {@link #plainAscii()}). */
  private final boolean plainAscii;

  private TextLines(String text, char[] chars, int[] starts, int[] ends, int count, boolean carriageReturns, boolean plainAscii) {
    this.text = text;
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
    this.carriageReturns = carriageReturns;
    this.plainAscii = plainAscii;
  }

  /** The lines of {@code text}. */
  public static TextLines of(String text) {
    char[] cs = text.toCharArray();
    Ends ends = new Ends(cs.length);
    for (int k = 0; k < cs.length; k++) {
      char c = cs[k];
      if (c <= '\r') ends.at(c, k);
    }
    return ends.of(text, cs, false);
  }

  /**
   * The lines of the text in {@code bytes} when they are all ASCII (as incident files mostly are),
   * else null: read in one pass that makes the characters and finds the line ends, where decoding
   * them as UTF-8 (with its check), copying the text into an array and finding the line ends took
   * four.
   */
  public static TextLines ascii(byte[] bytes) {
    char[] cs = new char[bytes.length];
    Ends ends = new Ends(cs.length);
    boolean controls = false;
    for (int k = 0; k < cs.length; k++) {
      byte b = bytes[k];
      if (b < 0) return null;
      cs[k] = (char) b;
      if (b < ' ' || b == 0x7F) {
        if (b == '\n' || b == '\r') ends.at((char) b, k);
        else controls = true;
      }
    }
    return ends.of(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), cs, !controls);
  }

  /** The line ends found so far, as String.lines() finds them: \n, \r\n and \r each end a line. */
  private static final class Ends {
    private final int length;
    private int[] starts;
    private int[] ends;
    private int count;
    private int start;
    private boolean cr;
    private int lastCr = -2;

    Ends(int length) {
      this.length = length;
      int capacity = length / 32 + 2;
      starts = new int[capacity];
      ends = new int[capacity];
    }

    /** Character {@code c} (at most {@code \r}) stands at {@code k}. */
    void at(char c, int k) {
      if (c == '\n') {
        if (lastCr == k - 1) {
          start = k + 1; // the \n of \r\n: the line ended at the \r
          return;
        }
      } else if (c == '\r') {
        cr = true;
        lastCr = k;
      } else {
        return;
      }
      if (count + 1 >= starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
        ends = Arrays.copyOf(ends, ends.length * 2);
      }
      starts[count] = start;
      ends[count++] = k;
      start = k + 1;
    }

    /** The lines found; {@code printable}: no other control characters than line ends were seen. */
    TextLines of(String text, char[] cs, boolean printable) {
      if (start < length) {
        starts[count] = start;
        ends[count++] = length;
      }
      return new TextLines(text, cs, starts, ends, count, cr, printable && !cr);
    }
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

  /**
   * Whether the text is known to be ASCII without control characters (tabs included) or DEL, its
   * lines ended by {@code \n}: what the YAML reader would otherwise check character by character
   * (false says only that it was not found so).
   */
  public boolean plainAscii() {
    return plainAscii;
  }

  /** The first line that starts at or after {@code offset} ({@link #count()} when none does). */
  public int lineFrom(int offset) {
    int k = Arrays.binarySearch(starts, 0, count, offset);
    return k >= 0 ? k : -k - 1;
  }

  /** Copies where lines {@code from} to {@code to} (exclusive) start into {@code out}, from index 0. */
  void copyStarts(int from, int to, int[] out) {
    System.arraycopy(starts, from, out, 0, to - from);
  }

  /** Copies where lines {@code from} to {@code to} (exclusive) end into {@code out}, from index 0. */
  void copyEnds(int from, int to, int[] out) {
    System.arraycopy(ends, from, out, 0, to - from);
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
