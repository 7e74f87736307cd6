package dev.hindsight.diagnostic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints diagnostics in one of the {@link ReportFormat}s, with a closing summary line. */
public final class Reporter {
  private final ReportFormat format;
  private final PrintWriter out;
  private final Map<Path, List<String>> sourceLines = new HashMap<>();

  public Reporter(ReportFormat format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  /** Prints every diagnostic and a summary; {@code checkedFiles} is how many files were read. */
  public void report(List<Diagnostic> diagnostics, int checkedFiles) {
    switch (format) {
      case TEXT -> text(diagnostics, checkedFiles);
      case JSON -> json(diagnostics, checkedFiles);
      case GITHUB -> github(diagnostics, checkedFiles);
    }
    out.flush();
  }

  /** Excerpt lines longer than this are cut to a window around the column. */
  private static final int EXCERPT = 100;
  private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");

  /**
   * Text from an incident file with control characters (terminal escape sequences among them) and
   * bidirectional overrides shown as U+FFFD, so a hostile file cannot rewrite what a reviewer sees
   * in a terminal or a CI log.
   */
  static String printable(String s) {
    return CONTROL.matcher(s).replaceAll("\uFFFD");
  }

  private void text(List<Diagnostic> diagnostics, int checkedFiles) {
    for (Diagnostic d : diagnostics) {
      Location at = d.location();
      out.printf("%s:%d:%d: %s %s: %s%n", printable(at.file().toString()), at.line(), at.column(), d.level().label(), d.code(), printable(d.message()));
      String line = line(at);
      if (line != null) {
        String gutter = String.valueOf(at.line());
        int caret = Math.max(0, Math.min(at.column() - 1, line.length()));
        if (line.length() > EXCERPT) {
          int from = Math.max(0, Math.min(caret - EXCERPT / 2, line.length() - EXCERPT));
          String cut = (from > 0 ? "…" : "") + line.substring(from, from + EXCERPT) + (from + EXCERPT < line.length() ? "…" : "");
          caret = caret - from + (from > 0 ? 1 : 0);
          line = cut;
        }
        out.printf(" %s | %s%n", gutter, printable(line.replace('\t', ' ')));
        out.printf(" %s | %s^%n", " ".repeat(gutter.length()), " ".repeat(caret));
      }
      d.hint().ifPresent(h -> out.printf("   = hint: %s%n", printable(h)));
      out.println();
    }
    out.println(summary(diagnostics, checkedFiles));
  }

  private void json(List<Diagnostic> diagnostics, int checkedFiles) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("files", checkedFiles);
    root.put("errors", count(diagnostics, Level.ERROR));
    root.put("warnings", count(diagnostics, Level.WARNING));
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode item = list.addObject();
      item.put("file", d.location().file().toString());
      item.put("line", d.location().line());
      item.put("column", d.location().column());
      item.put("severity", d.level().label());
      item.put("code", d.code().name());
      item.put("rule", d.code().title());
      item.put("message", d.message());
      d.hint().ifPresent(h -> item.put("hint", h));
    }
    try {
      out.println(mapper.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GitHub workflow commands: each becomes an annotation on the changed line of a pull request. */
  private void github(List<Diagnostic> diagnostics, int checkedFiles) {
    for (Diagnostic d : diagnostics) {
      Location at = d.location();
      String message = d.message() + d.hint().map(h -> "\nhint: " + h).orElse("");
      out.printf("::%s file=%s,line=%d,col=%d,title=%s::%s%n",
          d.isError() ? "error" : "warning",
          escapeProperty(at.file().toString().replace('\\', '/')), at.line(), at.column(),
          escapeProperty(d.code() + " " + d.code().title()), printable(escapeData(message)));
    }
    out.println(summary(diagnostics, checkedFiles));
  }

  public static String summary(List<Diagnostic> diagnostics, int checkedFiles) {
    long errors = count(diagnostics, Level.ERROR);
    long warnings = count(diagnostics, Level.WARNING);
    return String.format("%d %s checked: %d %s, %d %s",
        checkedFiles, checkedFiles == 1 ? "file" : "files",
        errors, errors == 1 ? "error" : "errors",
        warnings, warnings == 1 ? "warning" : "warnings");
  }

  private static long count(List<Diagnostic> diagnostics, Level level) {
    return diagnostics.stream().filter(d -> d.level() == level).count();
  }

  private String line(Location at) {
    List<String> lines = sourceLines.computeIfAbsent(at.file(), Reporter::readLines);
    return at.line() <= lines.size() ? lines.get(at.line() - 1) : null;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
