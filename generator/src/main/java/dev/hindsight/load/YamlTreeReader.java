package dev.hindsight.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML into a Jackson tree while recording where every key and value stands, so that
 * later stages can point authors at the exact line and column. Thread-safe.
 */
public final class YamlTreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final YAMLFactory factory = new QuickScalarYamlFactory();

  /** The outcome of reading one YAML text: the tree (null when unreadable), its map, problems. */
  public record Result(JsonNode tree, SourceMap map, List<Diagnostic> diagnostics) {}

  /**
   * Reads {@code yaml}, whose first line is line {@code firstLine} of {@code file}.
   */
  public Result read(Path file, String yaml, int firstLine) {
    Result common = CommonYaml.read(file, yaml, firstLine);
    if (common != null) return common;
    return withSnakeYaml(file, yaml, firstLine);
  }

  /**
   * Reads the YAML that is the text of {@code lines} from {@code from} to {@code to} (ending in a
   * line end unless at the text's end), whose first line is line {@code firstLine} of
   * {@code file}: in place when it can be ({@link CommonYaml}), else cut out for SnakeYAML.
   */
  public Result read(Path file, TextLines lines, int from, int to, int firstLine) {
    Result common = CommonYaml.read(file, lines, from, to, firstLine);
    if (common != null) return common;
    return withSnakeYaml(file, lines.text().substring(from, to), firstLine);
  }

  /**
   * The reading with the metric samples read by {@link SampleLines} and the rest by SnakeYAML, or
   * null when it has no samples to take, or leaves one of them unclaimed, or has anything to
   * report: then the text is read as written, so that problems are always SnakeYAML's own.
   */
  Result withSamplesByHand(Path file, String yaml, int firstLine) {
    SampleLines.Masked masked = SampleLines.mask(yaml);
    if (masked == null) return null;
    Map<Integer, SampleLines.Block> unclaimed = masked.blocks();
    Result quick = read(file, masked.text(), firstLine, unclaimed);
    return unclaimed.isEmpty() && quick.tree() != null && quick.diagnostics().isEmpty() ? quick : null;
  }

  /** The reading with SnakeYAML, the samples read by hand but not the rest ({@link CommonYaml}): what that must equal. */
  Result withSnakeYaml(Path file, String yaml, int firstLine) {
    Result quick = withSamplesByHand(file, yaml, firstLine);
    return quick != null ? quick : read(file, yaml, firstLine, null);
  }

  /** As {@link #read(Path, String, int)}, without {@link SampleLines}: what that must equal. */
  Result readAsWritten(Path file, String yaml, int firstLine) {
    return read(file, yaml, firstLine, null);
  }

  /** Reads {@code yaml}; {@code samples}, when not null, holds the blocks of {@link SampleLines} its {@code points} keys take (and remove). */
  private Result read(Path file, String yaml, int firstLine, Map<Integer, SampleLines.Block> samples) {
    SourceMap map = new SourceMap(file);
    List<Diagnostic> problems = new ArrayList<>();
    JsonParser parser = null;
    try {
      parser = factory.createParser(yaml);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Result(null, map, problems);
      }
      JsonNode tree = readValue(parser, NodePath.ROOT, map, file, firstLine, problems, samples);
      return new Result(tree, map, problems);
    } catch (StreamConstraintsException e) {
      Location at = parser == null ? new Location(file, firstLine, 1) : location(parser, file, firstLine);
      problems.add(Diagnostic.error(at, Code.HS001,
          "the YAML is nested too deeply here: " + e.getOriginalMessage().replaceFirst(" \\(1000, from .*\\)", " (1000)"),
          "an incident needs a few levels at most; look for an unclosed `[` or `{`, or a generated value pasted in by mistake"));
      return new Result(null, map, problems);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null || where.getLineNr() < 1 ? firstLine : where.getLineNr() + firstLine - 1;
      int column = where == null || where.getColumnNr() < 1 ? 1 : where.getColumnNr();
      int[] mark = problemMark(e.getOriginalMessage());
      if (mark != null) {
        line = mark[0] + firstLine - 1;
        column = mark[1];
      }
      problems.add(Diagnostic.error(new Location(file, line, column), Code.HS001,
          "this is not valid YAML: " + explain(e.getOriginalMessage(), firstLine),
          "check indentation (spaces, not tabs), and quote values that contain `: ` or start with `{`, `[`, `*`, `&`, `!`, `%` or `@`"));
      return new Result(null, map, problems);
    } catch (IOException e) {
      problems.add(Diagnostic.error(new Location(file, firstLine, 1), Code.HS004,
          "could not read the YAML: " + e.getMessage(), null));
      return new Result(null, map, problems);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // reading a string: nothing to release
        }
      }
    }
  }

  /**
   * Where SnakeYAML saw the problem (line and column in the YAML text, 1-based), which can differ
   * from where the construct it was reading started; null when the message has no such mark.
   */
  static int[] problemMark(String message) {
    if (message == null) return null;
    boolean afterProblem = false;
    for (String raw : message.split("\\R")) {
      if (raw.isBlank() || raw.startsWith(" ")) {
        java.util.regex.Matcher m = MARK.matcher(raw);
        if (afterProblem && m.find()) return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        continue;
      }
      afterProblem = !raw.startsWith("while ");
    }
    return null;
  }

  /** The value at the parser's current token; null for an alias, which is reported and left out. */
  private JsonNode readValue(JsonParser p, NodePath path, SourceMap map, Path file, int firstLine, List<Diagnostic> problems,
      Map<Integer, SampleLines.Block> samples) throws IOException {
    map.putValue(path, location(p, file, firstLine));
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(Diagnostic.error(location(p, file, firstLine), Code.HS001,
          "YAML aliases (`*" + p.getText() + "`) are not supported in incident files",
          "write the value out in full; anchors and aliases make a file hard to review and can blow up in size"));
      return null;
    }
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          NodePath child = path.field(name);
          Location keyAt = location(p, file, firstLine);
          p.nextToken();
          if (object.has(name)) {
            Location firstAt = map.key(child);
            problems.add(Diagnostic.error(keyAt, Code.HS003,
                "`" + name + "` is given twice in " + (path.isRoot() ? "the front matter" : "`" + path + "`")
                    + " (first on line " + firstAt.line() + ")",
                "keep one of them: YAML would silently use only the last"));
            p.skipChildren();
            continue;
          }
          map.putKey(child, keyAt);
          if (samples != null && p.currentToken() == JsonToken.VALUE_NULL && name.equals("points")) {
            SampleLines.Block block = samples.remove(keyAt.line() - firstLine + 1);
            if (block != null) {
              object.set(name, block.fill(child, map, file, firstLine));
              continue;
            }
          }
          JsonNode value = readValue(p, child, map, file, firstLine, problems, samples);
          if (value != null) object.set(name, value);
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          JsonNode value = readValue(p, path.index(i++), map, file, firstLine, problems, samples);
          if (value != null) array.add(value);
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(p.getBooleanValue());
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        return NODES.textNode(p.getText());
      }
    }
  }

  private static Location location(JsonParser p, Path file, int firstLine) {
    JsonLocation at = p.currentTokenLocation();
    int line = Math.max(1, at.getLineNr()) + firstLine - 1;
    return new Location(file, line, Math.max(1, at.getColumnNr()));
  }

  private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("in '[^']*', line (\\d+), column (\\d+)");

  /**
   * SnakeYAML's message without its source excerpts: the problem first, then the construct it
   * was reading, with that construct's line in the author's file.
   */
  static String explain(String message, int firstLine) {
    if (message == null) return "unexpected content";
    String context = null;
    String problem = null;
    Integer contextLine = null;
    for (String raw : message.split("\\R")) {
      if (raw.isBlank() || raw.startsWith(" ")) {
        java.util.regex.Matcher m = MARK.matcher(raw);
        if (m.find() && context != null && problem == null && contextLine == null) {
          contextLine = Integer.parseInt(m.group(1)) + firstLine - 1;
        }
        continue;
      }
      if (context == null && problem == null && raw.startsWith("while ")) {
        context = raw.strip();
      } else if (problem == null) {
        problem = raw.strip();
      }
    }
    if (problem == null) problem = context == null ? message.strip() : context;
    else if (context != null) problem += " (" + context + (contextLine != null ? " that starts on line " + contextLine : "") + ")";
    return problem;
  }
}
