package dev.hindsight.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.build.BuildOptions;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteBuild;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.ReportFormat;
import dev.hindsight.diagnostic.Reporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The preview loop of {@code hindsight serve}: build, serve, watch, rebuild. A build with errors
 * keeps the last good site online and reports the problems; the next good build replaces it.
 */
public final class Preview implements AutoCloseable {
  private final BuildOptions options;
  private final SiteBuild build;
  private final PrintWriter out;
  private final Path output;
  private final WatchService watcher;
  private volatile int builds;
  private volatile List<Diagnostic> problems = List.of();
  private PreviewServer server;
  private Thread loop;

  /** {@code options.output()} is where the preview site goes: a private folder, not the published one. */
  public Preview(BuildOptions options, SiteBuild build, PrintWriter out) throws IOException {
    this.options = options;
    this.build = build;
    this.out = out;
    this.output = options.output();
    this.watcher = FileSystems.getDefault().newWatchService();
  }

  /** Builds once, starts serving on {@code port} (0 for any free port) and starts watching. */
  public int start(int port) throws IOException {
    rebuild();
    server = new PreviewServer(() -> output, this::status, port);
    register(options.input());
    options.templates().filter(Files::isDirectory).ifPresent(this::registerQuietly);
    options.config().map(Path::toAbsolutePath).map(Path::getParent).ifPresent(this::registerFlat);
    loop = new Thread(this::watch, "hindsight-watch");
    loop.setDaemon(true);
    loop.start();
    return server.port();
  }

  /** How many successful builds there were: pages reload when it changes. */
  public int builds() {
    return builds;
  }

  synchronized void rebuild() throws IOException {
    long start = System.nanoTime();
    BuildResult result = build.build(options);
    problems = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!result.diagnostics().isEmpty()) new Reporter(ReportFormat.TEXT, out).report(result.diagnostics(), result.files());
    if (result.published()) {
      builds++;
      long millis = (System.nanoTime() - start) / 1_000_000;
      int rendered = result.pagesRendered();
      if (!result.quick()) out.printf("Rebuilt %d pages (%d unchanged) in %d ms.%n", result.pages(), result.pagesReused(), millis);
      else if (rendered == 0) out.printf("Nothing to rebuild: no incident changed (%d ms).%n", millis);
      else out.printf("Rebuilt %d changed incident page%s and the search index in %d ms (a quick rebuild: only narratives changed).%n",
          rendered, rendered == 1 ? "" : "s", millis);
    } else {
      out.println("The build has errors; the last good site stays online.");
    }
    out.flush();
  }

  private String status() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode s = json.createObjectNode();
    s.put("build", builds);
    ArrayNode list = s.putArray("problems");
    problems.forEach(d -> list.add(d.location().file().getFileName() + ":" + d.location().line() + ":" + d.location().column() + ": "
        + d.code() + " " + d.message()));
    return s.toString();
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        // Editors write in bursts (temp file, rename, chmod): wait for the burst to settle.
        key.pollEvents();
        key.reset();
        WatchKey more;
        while ((more = watcher.poll(150, TimeUnit.MILLISECONDS)) != null) {
          more.pollEvents();
          more.reset();
        }
        register(options.input());
        rebuild();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      out.println("hindsight serve: stopped watching: " + e.getMessage());
      out.flush();
    }
  }

  private void register(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) registerFlat(dir);
    }
  }

  private void registerQuietly(Path root) {
    try {
      register(root);
    } catch (IOException e) {
      out.println("hindsight serve: cannot watch " + root + ": " + e.getMessage());
    }
  }

  private void registerFlat(Path dir) {
    try {
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException e) {
      out.println("hindsight serve: cannot watch " + dir + ": " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) server.close();
    watcher.close();
    if (loop != null) loop.interrupt();
  }

}
