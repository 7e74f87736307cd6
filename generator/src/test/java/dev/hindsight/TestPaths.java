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

  /** Copies a folder with everything below it (a corpus, an example site) to a new place. */
  public static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dest);
        else Files.copy(p, dest);
      }
    }
  }

  public static Path resource(String name) {
    try {
      return Path.of(TestPaths.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }
}
