package dev.hindsight;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the test resources are, for tests that use real files. */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root (set by Maven; falls back to walking up from the working folder). */
  public static Path repoRoot() {
    String prop = System.getProperty("hindsight.repo.root");
    if (prop != null) return Path.of(prop).toAbsolutePath().normalize();
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("postmortems"))) p = p.getParent();
    if (p == null) throw new IllegalStateException("cannot find the repository root");
    return p;
  }

  public static Path resource(String name) {
    try {
      return Path.of(TestPaths.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }
}
