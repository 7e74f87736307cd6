package dev.hindsight.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads one incident file (.md with front matter, or .yaml) into a {@link SourceDocument}. */
public final class DocumentReader {
  private final YamlTreeReader yaml;

  public DocumentReader(YamlTreeReader yaml) {
    this.yaml = yaml;
  }

  /** The largest incident file read: far above any real post-mortem, small enough to keep memory bounded. */
  public static final long MAX_BYTES = 2L * 1024 * 1024;

  /** The document, or empty when it could not be read; problems go to {@code problems}. */
  public Optional<SourceDocument> read(Path inputRoot, Path file, List<Diagnostic> problems) {
    return read(inputRoot, file, null, problems);
  }

  /**
   * The document from {@code bytes} already read from {@code file} (null: read them here), so that a
   * caller that keys a cache by the bytes validates exactly those bytes.
   */
  public Optional<SourceDocument> read(Path inputRoot, Path file, byte[] bytes, List<Diagnostic> problems) {
    if (!Confinement.within(file, inputRoot)) {
      problems.add(Diagnostic.error(Location.startOf(file), Code.HS402,
          "this file is a symbolic link to " + Confinement.target(file) + ", outside the input folder; it is not read",
          "copy the file into " + inputRoot + " instead of linking to it, so the build only publishes what is in the repository"));
      return Optional.empty();
    }
    TextLines lines;
    try {
      long size = bytes != null ? bytes.length : Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(Diagnostic.error(Location.startOf(file), Code.HS004,
            String.format(java.util.Locale.ROOT, "this file is %.1f MB; incident files are limited to %d MB", size / 1048576.0, MAX_BYTES / 1048576),
            "move large data (metric series, logs) into CSV or text files in the incident's folder and reference them"));
        return Optional.empty();
      }
      byte[] data = bytes != null ? bytes : Files.readAllBytes(file);
      lines = TextLines.ascii(data);
      if (lines == null) {
        String text = decodeUtf8(data);
        lines = TextLines.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
      }
    } catch (CharacterCodingException e) {
      problems.add(Diagnostic.error(Location.startOf(file), Code.HS004,
          "this file is not UTF-8 text", "save it as UTF-8 (most editors offer this under 'Save with encoding')"));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Diagnostic.error(Location.startOf(file), Code.HS004, "could not read this file: " + e.getMessage(), null));
      return Optional.empty();
    }
    String text = lines.text();

    String fileName = file.getFileName().toString();
    boolean ownFolder = fileName.startsWith("index.");
    Path folder = file.getParent();
    String stem = ownFolder ? folder.getFileName().toString() : fileName.replaceFirst("\\.[^.]+$", "");
    String relative = relativePath(inputRoot, file);

    YamlTreeReader.Result result;
    int yamlFirstLine;
    String narrative = "";
    int narrativeLine = 1;
    if (fileName.endsWith(".md")) {
      FrontMatter split = FrontMatter.split(lines);
      if (split == null) {
        problems.add(Diagnostic.error(Location.startOf(file), Code.HS002,
            "this Markdown file has no front matter",
            "start the file with a line `---`, the YAML fields, and another line `---`; see `hindsight new`"));
        return Optional.empty();
      }
      if (split.closingLine() < 0) {
        problems.add(Diagnostic.error(Location.startOf(file), Code.HS002,
            "the front matter that starts on line 1 is never closed",
            "add a line with just `---` after the last YAML field"));
        return Optional.empty();
      }
      yamlFirstLine = 2;
      // Read where it stands in the file when it can be: not copied out first.
      result = split.inPlace(lines) ? yaml.read(file, lines, split.yamlFrom(), split.yamlTo(), yamlFirstLine)
          : yaml.read(file, split.yaml(), yamlFirstLine);
      narrative = split.body();
      narrativeLine = split.closingLine() + 1;
    } else {
      yamlFirstLine = 1;
      result = yaml.read(file, lines, 0, text.length(), yamlFirstLine);
    }

    problems.addAll(result.diagnostics());
    if (result.tree() == null && result.diagnostics().isEmpty()) {
      problems.add(Diagnostic.error(new Location(file, yamlFirstLine, 1), Code.HS002,
          "the front matter is empty", "add the incident's fields; `hindsight new` writes a complete skeleton"));
      return Optional.empty();
    }
    if (result.tree() == null) return Optional.empty();
    JsonNode tree = result.tree();
    if (!tree.isObject()) {
      problems.add(Diagnostic.error(result.map().value(NodePath.ROOT), Code.HS002,
          "the front matter must be a set of `field: value` lines, not a " + describe(tree),
          "write one field per line, such as `title: Checkout down`"));
      return Optional.empty();
    }
    if (!fileName.endsWith(".md") && tree.hasNonNull("narrative") && tree.get("narrative").isTextual()) {
      narrative = tree.get("narrative").asText();
      narrativeLine = result.map().value(NodePath.ROOT.field("narrative")).line() + 1;
    }
    int frontMatterEnd = fileName.endsWith(".md") ? narrativeLine - 2 : lines.count();
    return Optional.of(new SourceDocument(file, folder, relative, ownFolder, stem, tree, result.map(), narrative, narrativeLine, lines, frontMatterEnd));
  }

  static String describe(JsonNode node) {
    if (node.isArray()) return "list";
    if (node.isTextual()) return "text";
    if (node.isNumber()) return "number";
    if (node.isBoolean()) return "true/false value";
    if (node.isNull()) return "empty value";
    return "mapping";
  }

  /**
   * The text of UTF-8 bytes; bytes that are not UTF-8 are refused. {@code new String} decodes far
   * quicker than a decoder that reports (a sixteenth of validating, with the quick compiler) but
   * replaces what it cannot decode with U+FFFD: only a text holding that character is decoded
   * again, strictly, to tell a replacement from a U+FFFD written in the file.
   */
  static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    String quick = new String(bytes, StandardCharsets.UTF_8);
    return quick.indexOf('\uFFFD') < 0 ? quick : strictUtf8(bytes);
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * The parts of a Markdown file with front matter: its YAML is {@code source} from
   * {@code yamlFrom} to {@code yamlTo} (the file's own text, unless its line ends were made
   * {@code \n} or the front matter is empty, read as a line end); closingLine is -1 when never closed.
   */
  record FrontMatter(String source, int yamlFrom, int yamlTo, String body, int closingLine) {
    private static final FrontMatter UNCLOSED = new FrontMatter("", 0, 0, "", -1);

    /** The YAML, cut out. */
    String yaml() {
      return source.substring(yamlFrom, yamlTo);
    }

    /** Whether the YAML stands in the text of {@code lines} at {@code yamlFrom}, to be read there. */
    boolean inPlace(TextLines lines) {
      return source == lines.text();
    }

    static FrontMatter split(String text) {
      return split(TextLines.of(text));
    }

    /** The parts of the text of {@code lines}, cut at its lines (found once for the whole file). */
    static FrontMatter split(TextLines lines) {
      String text = lines.text();
      if (lines.carriageReturns()) return splitNormalised(text);
      char[] cs = lines.chars();
      if (lines.count() == 0 || lines.end(0) == text.length()) return stripped(cs, 0, text.length()).equals("---") ? UNCLOSED : null;
      if (!stripped(cs, 0, lines.end(0)).equals("---")) return null;
      for (int k = 1; k < lines.count(); k++) {
        int start = lines.start(k);
        int end = lines.end(k);
        if (fence(cs, start, end)) {
          String body = body(text, end);
          return k == 1 ? new FrontMatter("\n", 0, 1, body, 2) : new FrontMatter(text, lines.start(1), start, body, k + 1);
        }
      }
      return UNCLOSED;
    }

    /** What follows the closing line that ends at {@code end}, ending in a line end; empty when blank. */
    private static String body(String text, int end) {
      String body = end >= text.length() ? "" : text.substring(end + 1);
      if (!body.isEmpty() && !body.endsWith("\n")) body += "\n";
      return body.isBlank() ? "" : body;
    }

    /** {@code cs[from..to)} without the white space at either end, as {@link String#strip()} gives it. */
    private static String stripped(char[] cs, int from, int to) {
      return new String(cs, from, to - from).strip();
    }

    /** As {@link #split(TextLines)}, for a text with other line ends than {@code \n}: they are made {@code \n} first. */
    private static FrontMatter splitNormalised(String text) {
      // The parts are cut from the text, its line ends made \n first: what joining its lines gives.
      text = text.replace("\r\n", "\n").replace('\r', '\n');
      int firstEnd = text.indexOf('\n');
      if (firstEnd < 0) return text.strip().equals("---") ? UNCLOSED : null;
      if (!text.substring(0, firstEnd).strip().equals("---")) return null;
      int line = 2;
      char[] cs = text.toCharArray();
      for (int start = firstEnd + 1; start < text.length(); line++) {
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        if (fence(cs, start, end)) {
          String body = body(text, end);
          return start == firstEnd + 1 ? new FrontMatter("\n", 0, 1, body, line) : new FrontMatter(text, firstEnd + 1, start, body, line);
        }
        start = end + 1;
      }
      return UNCLOSED;
    }

    /**
     * Whether {@code cs[start..end)} is a closing line: {@code ---} or {@code ...}, then only white
     * space (the YAML spec's document markers; Jekyll and Hugo close with {@code ---}).
     */
    private static boolean fence(char[] cs, int start, int end) {
      if (end - start < 3) return false;
      char c = cs[start];
      if (c != '-' && c != '.' || cs[start + 1] != c || cs[start + 2] != c) return false;
      for (int k = start + 3; k < end; k++) {
        if (!Character.isWhitespace(cs[k])) return false;
      }
      return true;
    }
  }

  /** A file's path relative to the input folder, with forward slashes: an incident's {@code sourcePath}. */
  public static String relativePath(Path inputRoot, Path file) {
    return inputRoot.relativize(file).toString().replace('\\', '/');
  }
}
