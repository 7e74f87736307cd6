package dev.hindsight.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that keeps what it is given as UTF-8 bytes, for a page rendered in memory and then
 * written whole. With a {@code StringBuilder} in between, one character outside Latin-1 (a
 * timeline icon) made the whole page two bytes a character: every piece written was widened, and
 * the page was then encoded from that (a twentieth of a clean build with the quick compiler); the
 * JDK's {@code OutputStreamWriter} took more than twice as long as this. Each piece is encoded by
 * {@code String.getBytes(UTF_8)}, which copies a Latin-1 string without bytes above 127 as it is;
 * a high surrogate at the end of a piece waits for the next, so the bytes are those of {@code
 * getBytes} on the whole text, a lone surrogate included (as {@code ?}). Not thread-safe.
 */
final class Utf8Writer extends Writer {
  private byte[] bytes;
  private int size;
  /** A high surrogate written last, waiting for its low half; 0 when none. */
  private char pending;

  Utf8Writer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] c, int off, int len) {
    write(new String(c, off, len));
  }

  @Override
  public void write(String s, int off, int len) {
    write(off == 0 && len == s.length() ? s : s.substring(off, off + len));
  }

  @Override
  public void write(String s) {
    if (s.isEmpty()) return;
    if (pending != 0) {
      s = pending + s;
      pending = 0;
    }
    int last = s.length() - 1;
    if (Character.isHighSurrogate(s.charAt(last))) {
      pending = s.charAt(last);
      s = s.substring(0, last);
    }
    byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
    if (size + encoded.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + encoded.length));
    System.arraycopy(encoded, 0, bytes, size, encoded.length);
    size += encoded.length;
  }

  /** The bytes written so far (a high surrogate left waiting counts as {@code ?}). */
  byte[] toByteArray() {
    byte[] out = Arrays.copyOf(bytes, size + (pending != 0 ? 1 : 0));
    if (pending != 0) out[size] = '?';
    return out;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
