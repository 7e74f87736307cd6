package dev.hindsight.build;

import java.nio.file.Path;
import java.util.Map;

/** {@link ReproducibleBuildTest#digests} for tests in other packages. */
public final class ReproducibleBuildTestAccess {
  private ReproducibleBuildTestAccess() {}

  public static Map<String, String> digests(Path root) throws Exception {
    return ReproducibleBuildTest.digests(root);
  }
}
