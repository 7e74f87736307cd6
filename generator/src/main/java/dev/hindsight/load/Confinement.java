package dev.hindsight.load;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a file really lies inside a folder once symbolic links are followed: a link inside the
 * input that points at {@code /etc/passwd} or a home folder must not be read, copied into the site
 * or shown in a page, whatever its name looks like.
 */
public final class Confinement {
  private Confinement() {}

  /** True when {@code path} exists and its real location is inside {@code folder}'s real location. */
  public static boolean within(Path path, Path folder) {
    try {
      return path.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** Where a link really points, for messages; the path itself when it cannot be resolved. */
  public static String target(Path path) {
    try {
      return path.toRealPath().toString();
    } catch (IOException | SecurityException e) {
      return path.toString();
    }
  }
}
