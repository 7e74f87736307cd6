package dev.hindsight.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The templates and assets of a site: the defaults packaged in the jar, overridden file by file
 * by a team's own {@code templates/} folder. Holds one FreeMarker configuration, set up once and
 * shared by all rendering threads.
 */
public final class TemplateSet {
  static final String BUILT_IN = "/dev/hindsight/templates";
  private final Configuration freemarker;
  private final Optional<Path> override;

  public TemplateSet(Optional<Path> override) {
    this.override = override;
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (override.isPresent()) {
      try {
        loaders.add(new FileTemplateLoader(override.get().toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read templates in " + override.get(), e);
      }
    }
    loaders.add(new ClassTemplateLoader(TemplateSet.class, BUILT_IN));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setLocale(Locale.ENGLISH);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setObjectWrapper(RecordObjectWrapper.of(cfg));
    this.freemarker = cfg;
  }

  public Template template(String name) throws IOException {
    return freemarker.getTemplate(name);
  }

  /** Where the named template comes from, for error messages: the override folder or built-in. */
  public String origin(String name) {
    return override.filter(dir -> Files.isRegularFile(dir.resolve(name))).map(dir -> dir.resolve(name).toString())
        .orElse("(built-in) templates/" + name);
  }

  public Optional<Path> overrideFolder() {
    return override;
  }

  /**
   * Copies the static assets (CSS, scripts, images under {@code assets/}) to {@code target}: the
   * built-in ones first, then the override folder's on top.
   */
  public void copyAssets(Path target) throws IOException {
    URL marker = TemplateSet.class.getResource(BUILT_IN + "/assets/site.css");
    if (marker == null) throw new IllegalStateException("built-in assets are missing from the jar");
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        copyTree(fs.getPath(BUILT_IN, "assets"), target);
      } else {
        copyTree(Path.of(uri).getParent(), target);
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (override.isPresent() && Files.isDirectory(override.get().resolve("assets"))) {
      copyTree(override.get().resolve("assets"), target);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
