package dev.hindsight.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, which every Java runtime has: the digest behind source keys, the validation cache's
 * keys and hashed slugs; and a quick 128-bit hash for what is hashed in bulk on every build: the
 * keys of pages, and the bytes of the files the validation reads.
 */
public final class Digests {
  private Digests() {}

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  /** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of {@code bytes}, in lower-case hex. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /**
   * The 128-bit MurmurHash3 (x64 variant, seed 0) of {@code bytes}, as 32 lower-case hex digits.
   * Not a cryptographic digest: for keys of the page cache, which hash every page's inputs (70 MB
   * at 10,000 incidents) on every build, from files of the team's own repository, into a cache
   * of the team's own. With the quick compiler only, the JDK's SHA-256 runs without the CPU's SHA
   * instructions and took four times as long; 128 bits make an accidental collision among a
   * site's keys about as likely as none at all (about 10^-29 at 100,000 keys).
   */
  public static String murmur128Hex(byte[] bytes) {
    return HexFormat.of().formatHex(murmur128(bytes));
  }

  /** The same hash as {@link #murmur128Hex}, as its 16 bytes (big-endian, first half first). */
  public static byte[] murmur128(byte[] bytes) {
    long[] h = org.apache.commons.codec.digest.MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
    return java.nio.ByteBuffer.allocate(16).putLong(h[0]).putLong(h[1]).array();
  }
}
