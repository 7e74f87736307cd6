package dev.hindsight.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves a folder on loopback with the JDK's HTTP server, adding to each HTML page a small script
 * that reloads it when the site is rebuilt and shows the current validation problems. The built
 * files themselves stay exactly what a publish would upload.
 */
public final class PreviewServer implements AutoCloseable {
  static final String STATUS = "/__hindsight/status";
  static final String SCRIPT = "/__hindsight/live.js";
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
      Map.entry("pdf", "application/pdf"), Map.entry("xml", "application/atom+xml"), Map.entry("ics", "text/calendar; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"));

  private final HttpServer server;

  /**
   * @param root the folder to serve (read at each request, so a swapped-in rebuild shows at once)
   * @param status the current build number and problems, as JSON
   */
  public PreviewServer(Supplier<Path> root, Supplier<String> status, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(STATUS)) {
          send(exchange, 200, "application/json", status.get().getBytes(StandardCharsets.UTF_8));
          return;
        }
        if (path.equals(SCRIPT)) {
          try (var in = PreviewServer.class.getResourceAsStream("live.js")) {
            send(exchange, 200, TYPES.get("js"), in.readAllBytes());
          }
          return;
        }
        Path base = root.get().toAbsolutePath().normalize();
        Path file = base.resolve(path.substring(1)).normalize();
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
          send(exchange, 404, TYPES.get("txt"), "Not found".getBytes(StandardCharsets.UTF_8));
          return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        byte[] body = Files.readAllBytes(file);
        if (ext.equals("html")) {
          String html = new String(body, StandardCharsets.UTF_8)
              .replace("</body>", "<script src=\"" + SCRIPT + "\"></script>\n</body>");
          body = html.getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "hindsight-serve");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
