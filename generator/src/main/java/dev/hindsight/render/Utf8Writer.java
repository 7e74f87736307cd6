package dev.hindsight.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that keeps what it is given as UTF-8 bytes, for a page rendered in memory and then
 * written whole. With a {@code StringBuilder} in between, one character outside Latin-1 (a
 * timeline icon) made the whole page two bytes a character: every piece written was widened, and
 * the page was then encoded from that (a twentieth of a clean build with the quick compiler). The
 * bytes are those of {@code String.getBytes(UTF_8)} on the same text, a lone surrogate included
 * (as {@code ?}). Not thread-safe.
 */
final class Utf8Writer extends Writer {
  private byte[] bytes;
  private int size;
  private char[] chars = new char[4096];
  /** A high surrogate written last, waiting for its low half; 0 when none. */
  private char pending;

  Utf8Writer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  @Override
  public void write(int c) {
    char[] one = {(char) c};
    write(one, 0, 1);
  }

  @Override
  public void write(String str) {
    write(str, 0, str.length());
  }

  @Override
  public void write(String s, int off, int len) {
    if (pending == 0 && off == 0 && len == s.length()) {
      // A whole string (what a template writes): the JDK's encoder copies a Latin-1 string that
      // has no byte above 127 as it is, quicker than widening it into characters here.
      byte[] encoded = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (len == 0 || !Character.isHighSurrogate(s.charAt(len - 1))) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return;
      }
    }
    while (len > 0) {
      int n = Math.min(len, chars.length);
      s.getChars(off, off + n, chars, 0);
      write(chars, 0, n);
      off += n;
      len -= n;
    }
  }

  @Override
  public void write(char[] c, int off, int len) {
    ensure(len * 3 + 4);
    byte[] b = bytes;
    int at = size;
    int end = off + len;
    int k = off;
    if (pending != 0 && k < end) {
      char low = c[k];
      if (Character.isLowSurrogate(low)) {
        at = four(b, at, Character.toCodePoint(pending, low));
        k++;
      } else {
        b[at++] = '?';
      }
      pending = 0;
    }
    for (; k < end; k++) {
      char ch = c[k];
      if (ch < 0x80) {
        b[at++] = (byte) ch;
      } else if (ch < 0x800) {
        b[at++] = (byte) (0xC0 | ch >> 6);
        b[at++] = (byte) (0x80 | ch & 0x3F);
      } else if (Character.isSurrogate(ch)) {
        if (Character.isHighSurrogate(ch)) {
          if (k + 1 == end) {
            pending = ch;
          } else if (Character.isLowSurrogate(c[k + 1])) {
            at = four(b, at, Character.toCodePoint(ch, c[++k]));
          } else {
            b[at++] = '?';
          }
        } else {
          b[at++] = '?';
        }
      } else {
        b[at++] = (byte) (0xE0 | ch >> 12);
        b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | ch & 0x3F);
      }
    }
    size = at;
  }

  private static int four(byte[] b, int at, int cp) {
    b[at++] = (byte) (0xF0 | cp >> 18);
    b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
    b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
    b[at++] = (byte) (0x80 | cp & 0x3F);
    return at;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
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
