package dev.hindsight.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/**
 * The browser libraries the site uses, copied from their webjars on the classpath into
 * {@code assets/vendor/}: no CDN, so the site works offline and on an intranet. Versions are read
 * from each webjar's Maven metadata, so upgrading means changing the pom only.
 */
public final class VendorAssets {
  /** A file inside a webjar, and the name it gets in the site. */
  record Asset(String group, String artifact, String pathInJar, String siteName) {
    Asset(String artifact, String pathInJar, String siteName) {
      this("org.webjars.npm", artifact, pathInJar, siteName);
    }
  }

  static final List<Asset> ASSETS = List.of(
      new Asset("luxon", "build/global/luxon.min.js", "luxon.min.js"),
      new Asset("chart.js", "dist/chart.umd.min.js", "chart.umd.min.js"),
      new Asset("chartjs-adapter-luxon", "dist/chartjs-adapter-luxon.umd.min.js", "chartjs-adapter-luxon.umd.min.js"),
      new Asset("chartjs-plugin-annotation", "dist/chartjs-plugin-annotation.min.js", "chartjs-plugin-annotation.min.js"),
      new Asset("fuse.js", "dist/fuse.basic.min.js", "fuse.basic.min.js"),
      new Asset("org.webjars", "highlightjs", "highlight.min.js", "highlight.min.js"),
      new Asset("org.webjars", "highlightjs", "styles/github-dark.min.css", "highlight-github-dark.min.css"));

  private VendorAssets() {}

  public static void copyTo(Path vendorDir) throws IOException {
    Files.createDirectories(vendorDir);
    for (Asset a : ASSETS) {
      String resource = "/META-INF/resources/webjars/" + a.artifact() + "/" + version(a.group(), a.artifact()) + "/" + a.pathInJar();
      try (InputStream in = VendorAssets.class.getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException("webjar file missing from the classpath: " + resource);
        Files.copy(in, vendorDir.resolve(a.siteName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static String version(String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = VendorAssets.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("webjar missing from the classpath: " + artifact);
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
