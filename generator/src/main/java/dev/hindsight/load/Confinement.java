package dev.hindsight.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

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
      return plainlyWithin(path, folder) || path.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * True when {@code path} is {@code folder} followed by names that are neither {@code .},
   * {@code ..} nor symbolic links, and exists: its real location is then the folder's real
   * location followed by those names. One {@code lstat} a name instead of the {@code readlink} of
   * every name of both paths that {@link Path#toRealPath} makes (eleven a file for a corpus in
   * {@code /tmp/bench/n10000/postmortems}: a twentieth of validating it). False says nothing:
   * {@link #within} then resolves both paths.
   */
  static boolean plainlyWithin(Path path, Path folder) throws IOException {
    if (path.isAbsolute() != folder.isAbsolute() || !path.startsWith(folder)) return false;
    int from = folder.getNameCount();
    int to = path.getNameCount();
    if (to == from) return false;
    for (int k = from; k < to; k++) {
      String name = path.getName(k).toString();
      if (name.equals(".") || name.equals("..")) return false;
    }
    for (int k = from; k < to; k++) {
      Path prefix = k == to - 1 ? path : path.getRoot() == null ? path.subpath(0, k + 1) : path.getRoot().resolve(path.subpath(0, k + 1));
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(prefix, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (java.nio.file.NoSuchFileException e) {
        return false;
      }
      if (attributes.isSymbolicLink()) return false;
    }
    return true;
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
