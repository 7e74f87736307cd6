package dev.hindsight.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The generator's own code, as part of every cache key: a digest of the jar it runs from, so that
 * a new build of the same version (a snapshot) never reuses what the old one made. Running from
 * class folders (the tests), the code does not change within a run.
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
      MessageDigest sha = dev.hindsight.model.Digests.sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | java.net.URISyntaxException | SecurityException | NullPointerException | IllegalStateException e) {
      return "unknown-" + System.nanoTime();
    }
  }
}
