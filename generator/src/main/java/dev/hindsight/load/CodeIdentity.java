package dev.hindsight.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The generator's own code, as part of every cache key: a digest of the jar it runs from, so that
 * a new build of the same version (a snapshot) never reuses what the old one made. Running from
 * class folders (the tests), the code does not change within a run.
 *
 * <p>The digest is taken over the jar's table of contents: every entry's name, size and CRC-32 of
 * its content, in order, which the zip format keeps at the end of the file. Any changed class
 * changes its entry's CRC-32. Hashing the whole 30 MB jar instead took a quarter of a second at
 * every start before the JIT compiler had reached it.
 */
public final class CodeIdentity {
  private static final String VALUE = compute();

  private CodeIdentity() {}

  /** The digest of the running jar, {@code classes} from class folders. */
  public static String value() {
    return VALUE;
  }

  private static String compute() {
    try {
      Path source = Path.of(CodeIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(source)) return "classes";
      return ofJar(source);
    } catch (IOException | java.net.URISyntaxException | SecurityException | NullPointerException | IllegalStateException e) {
      return "unknown-" + System.nanoTime();
    }
  }

  /** The identity of the code in {@code jar}: a digest of each entry's name, size, compressed size and CRC-32. */
  static String ofJar(Path jar) throws IOException {
    MessageDigest sha = dev.hindsight.model.Digests.sha256();
    java.nio.ByteBuffer numbers = java.nio.ByteBuffer.allocate(3 * Long.BYTES);
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      java.util.Enumeration<? extends java.util.zip.ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        java.util.zip.ZipEntry e = entries.nextElement();
        sha.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        numbers.clear();
        numbers.putLong(e.getSize()).putLong(e.getCrc()).putLong(e.getCompressedSize());
        sha.update((byte) 0);
        sha.update(numbers.array());
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
