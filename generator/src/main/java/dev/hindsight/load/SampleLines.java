package dev.hindsight.load;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hindsight.diagnostic.Location;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Metric samples read without SnakeYAML. A metric's {@code points:} are most of an incident's
 * YAML (30–60 lines of {@code - [2023-12-01T11:07:00+01:00, 113.64]} per series), and SnakeYAML
 * makes six events of each line: over half of all YAML parsing. Such lines are read here by hand
 * and blanked in the text given to SnakeYAML, which then sees {@code points:} with no value; the
 * {@link YamlTreeReader} puts the samples read here in its place, with the same tree and the same
 * line and column for every value as SnakeYAML would give.
 *
 * <p>Only what cannot be read two ways is taken: a line {@code points:} (nothing after the colon,
 * not even a comment) followed at once by lines of exactly {@code - [time, number]} at one
 * indentation, the time a plain scalar of letters, digits and {@code :+-.} that starts with a
 * digit and holds a {@code T} (a timestamp, which Jackson reports as text), the number a plain
 * integer or decimal that {@link QuickScalarYamlFactory#quickType} types; and the first non-blank
 * line after them must close the sequence (less indented, or as indented as {@code points:} and
 * not an item). Anything else (a comment, quotes, a map per sample, a tab, CRLF line ends) leaves
 * the block to SnakeYAML. A block that no {@code points} key claims (text in a block scalar that
 * looks like one) makes the reader parse the whole text again as written, and so does any problem.
 * SampleLinesTest compares both ways on the examples, a synthetic corpus and random lines.
 */
final class SampleLines {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SampleLines() {}

  /**
   * The text with the sample lines blanked, and the blocks by the line (1-based, in the text) of
   * their {@code points:} key: a map of this reading's own, from which the reader removes each
   * block a key claims.
   */
  record Masked(String text, Map<Integer, Block> blocks) {}

  /**
   * One block of samples: the line and column of its first {@code -}, and per sample its line, the
   * column of its {@code [}, its time and its value (the value's column follows from the time's
   * length), and its time's instant ({@link Fields#quickEpochSecond}, read once here).
   */
  record Block(int line, int column, String[] times, JsonNode[] values, long[] instants) {
    /**
     * The samples as SnakeYAML and {@link YamlTreeReader} would make them, recorded in {@code map}
     * where they would be ({@link #sampleAt}, worked out when asked for).
     */
    JsonNode fill(NodePath path, SourceMap map, Path file, int firstLine) {
      map.putValue(path, new Location(file, line + firstLine - 1, column));
      map.putSamples(path, this, firstLine);
      ArrayNode samples = NODES.arrayNode(times.length);
      for (int i = 0; i < times.length; i++) samples.add(NODES.arrayNode(2).add(new SampleTime(times[i], instants[i])).add(values[i]));
      return samples;
    }

    /** Where sample {@code i} starts (its {@code [}), or its time ({@code part} 0) or value (1). */
    Location sampleAt(Path file, int firstLine, int i, int part) {
      int at = line + i + firstLine - 1;
      int col = part < 0 ? column + 2 : part == 0 ? column + 3 : column + 5 + times[i].length();
      return new Location(file, at, col);
    }
  }

  /** The text with its sample blocks blanked, or null when it has none. */
  static Masked mask(String yaml) {
    if (!yaml.contains("points:")) return null;
    Map<Integer, Block> blocks = null;
    StringBuilder masked = null;
    int copied = 0;
    int n = yaml.length();
    int lineNo = 1;
    for (int start = 0; start < n; ) {
      int end = lineEnd(yaml, start);
      int indent = spaces(yaml, start, end);
      if (yaml.startsWith("points:", start + indent) && spaces(yaml, start + indent + 7, end) == end - start - indent - 7) {
        Block block = block(yaml, end + 1, lineNo + 1, indent);
        if (block != null) {
          if (blocks == null) {
            blocks = new HashMap<>();
            masked = new StringBuilder(n);
          }
          blocks.put(lineNo, block);
          masked.append(yaml, copied, end + 1);
          int next = end + 1;
          for (int k = 0; k < block.times().length; k++) {
            next = lineEnd(yaml, next) + 1;
            masked.append('\n');
          }
          copied = next;
          lineNo += 1 + block.times().length;
          start = next;
          continue;
        }
      }
      lineNo++;
      start = end + 1;
    }
    if (blocks == null) return null;
    // A last sample line with no line end after it (a .yaml file's last line) was copied up to the text's end.
    if (copied < n) masked.append(yaml, copied, n);
    return new Masked(masked.toString(), blocks);
  }

  /** The block of sample lines from {@code start} (line {@code line}) under a {@code points:} indented by {@code keyIndent}; null if not one to take. */
  static Block block(String yaml, int start, int line, int keyIndent) {
    return block(yaml, start, yaml.length(), line, keyIndent);
  }

  /**
   * As {@link #block(String, int, int, int)}, for the YAML that ends at {@code n} in {@code yaml}
   * (the front matter of a Markdown file, read in place), ending in a line end unless at the text's end.
   */
  static Block block(String yaml, int start, int n, int line, int keyIndent) {
    int column = -1;
    java.util.List<String> times = new java.util.ArrayList<>();
    java.util.List<JsonNode> values = new java.util.ArrayList<>();
    long[] instants = new long[16];
    int at = start;
    while (at < n) {
      int end = lineEnd(yaml, at);
      int indent = spaces(yaml, at, end);
      if (indent < keyIndent || column >= 0 && indent != column - 1 || !yaml.startsWith("- [", at + indent)) break;
      int timeStart = at + indent + 3;
      int comma = yaml.indexOf(", ", timeStart);
      if (comma < 0 || comma >= end || yaml.charAt(end - 1) != ']') return null;
      String time = yaml.substring(timeStart, comma);
      String number = yaml.substring(comma + 2, end - 1);
      // The common shape, read to its instant once (for the schema check and the model), is a
      // plain timestamp beyond doubt; any other goes through the check of its characters.
      long instant = Fields.quickEpochSecond(time);
      JsonNode value = instant != Fields.NOT_QUICK || time(time) ? value(number) : null;
      if (value == null) return null;
      if (column < 0) column = indent + 1;
      if (times.size() == instants.length) instants = java.util.Arrays.copyOf(instants, 2 * instants.length);
      instants[times.size()] = instant;
      times.add(time);
      values.add(value);
      at = end + 1;
    }
    if (times.isEmpty()) return null;
    // What follows must end the sequence where SnakeYAML would: the first non-blank line.
    while (at < n) {
      int end = lineEnd(yaml, at);
      int indent = spaces(yaml, at, end);
      if (indent == end - at) {
        at = end + 1;
        continue;
      }
      char first = yaml.charAt(at + indent);
      if (first == '#' || first < ' ' || indent > keyIndent || indent == keyIndent && first == '-') return null;
      break;
    }
    return new Block(line, column, times.toArray(String[]::new), values.toArray(JsonNode[]::new), java.util.Arrays.copyOf(instants, times.size()));
  }

  /** A plain timestamp SnakeYAML reads as one scalar and Jackson reports as text. */
  static boolean time(String text) {
    int n = text.length();
    if (n == 0 || n > 40 || text.charAt(0) < '0' || text.charAt(0) > '9') return false;
    boolean t = false;
    for (int k = 0; k < n; k++) {
      char c = text.charAt(k);
      if (c == 'T') t = true;
      else if (c == ':' && (k + 1 == n || text.charAt(k + 1) < '0' || text.charAt(k + 1) > '9')) return false;
      else if (!(c >= '0' && c <= '9' || c == ':' || c == '+' || c == '-' || c == '.' || c == 'Z')) return false;
    }
    return t && QuickScalarYamlFactory.quickType(text) == JsonToken.VALUE_STRING;
  }

  /** The node Jackson's tree would hold for a plain number, or null when it is not one the shortcut types. */
  static JsonNode value(String text) {
    JsonToken type = QuickScalarYamlFactory.quickType(text);
    if (type == JsonToken.VALUE_NUMBER_FLOAT) return NODES.numberNode(Double.parseDouble(text));
    if (type != JsonToken.VALUE_NUMBER_INT) return null;
    long v = Long.parseLong(text);
    return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }

  /** How many spaces there are from {@code from} (not beyond {@code end}). */
  private static int spaces(String text, int from, int end) {
    int k = from;
    while (k < end && text.charAt(k) == ' ') k++;
    return k - from;
  }
}
