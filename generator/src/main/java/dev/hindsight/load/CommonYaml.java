package dev.hindsight.load;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.diagnostic.Location;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The YAML that incident files hold, read without SnakeYAML: block mappings of plain keys, block
 * sequences (of scalars or of mappings, {@code - id: t0}), one-line plain, single- and
 * double-quoted scalars, one-line flow sequences and mappings of scalars ({@code [t0, m0]},
 * {@code {amount: 5, currency: EUR}}), and folded or literal block scalars ({@code >-}, {@code |}).
 * SnakeYAML, through Jackson, took over two thirds of validating a file that had never been
 * validated, most of it making and inspecting tokens and events one character at a time.
 *
 * <p>Like {@link SampleLines}, it only takes what cannot be read two ways, and gives the same tree
 * and the same line and column for every key and value as {@link YamlTreeReader} reading with
 * SnakeYAML. Anything else, and anything SnakeYAML would report as a problem, makes it decline
 * (return null) and the text goes to SnakeYAML as before: comments after a value, anchors, aliases
 * and tags, tabs, other line ends than {@code \n}, multi-line plain or quoted scalars, escapes other
 * than {@code \\ \" \n \t}, keys given twice, a plain scalar whose type is not certain (such as
 * {@code yes}, {@code 0x1F} or {@code 1e5}), block scalars with more-indented lines (folded), with
 * {@code +} or an indentation digit. CommonYamlTest compares both readings on the examples, a
 * synthetic corpus and random documents.
 */
final class CommonYaml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Thrown where the text leaves what is read here; no stack trace (a decline costs a throw, not a walk). */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Decline INSTANCE = new Decline();

    private Decline() {
      super("declined", null, false, false);
    }
  }

  private final String text;
  /** The text's characters: indexed directly, which the quick compiler does far faster than String.charAt on text that is not Latin-1. */
  private final char[] cs;
  /** Where the YAML ends in {@link #text}. */
  private final int to;
  private final int[] starts;
  private final int[] ends;
  private final int lines;
  private final Path file;
  private final int firstLine;
  private final SourceMap map;
  /** The line being read (0-based). */
  private int line;
  /** Where the last quoted scalar read closes. */
  private int closing;

  private CommonYaml(String text, char[] cs, int to, int[] starts, int[] ends, int lines, Path file, int firstLine) {
    this.text = text;
    this.cs = cs;
    this.to = to;
    this.starts = starts;
    this.ends = ends;
    this.lines = lines;
    this.file = file;
    this.firstLine = firstLine;
    this.map = new SourceMap(file, lines);
  }

  /**
   * The reading of {@code yaml} (line 1 of which is line {@code firstLine} of {@code file}), or
   * null when it is not one to take here. Metric samples under a {@code points:} key are read by
   * {@link SampleLines} where it takes them.
   */
  static YamlTreeReader.Result read(Path file, String yaml, int firstLine) {
    return read(file, TextLines.of(yaml), 0, yaml.length(), firstLine);
  }

  /**
   * As {@link #read(Path, String, int)}, for the YAML that is the text of {@code lines} from
   * {@code from} (a line's start) to {@code to} (a line's start, or the text's end): a Markdown
   * file's front matter is read where it stands in the file, not copied out first, on the lines
   * found when the file was read. Unless that reading found the text to be printable ASCII with
   * {@code \n} line ends ({@link TextLines#plainAscii()}), its characters are checked first.
   */
  static YamlTreeReader.Result read(Path file, TextLines lines, int from, int to, int firstLine) {
    char[] cs = lines.chars();
    if (!lines.plainAscii()) {
      for (int k = from; k < to; k++) {
        char c = cs[k];
        if (c != '\n' && (c < ' ' || c >= 0x7F && c <= 0x9F || c >= 0xD800 && c <= 0xDFFF || c == 0x2028 || c == 0x2029 || c >= 0xFEFF)) {
          // tabs, CR, controls, NEL and the other line breaks of YAML 1.1, surrogates (columns in code points), BOM, non-characters
          return null;
        }
      }
    }
    int first = lines.lineFrom(from);
    int last = lines.lineFrom(to);
    if (from != to && !(first < last && lines.start(first) == from && lines.end(last - 1) <= to)) return null; // not on line bounds
    // A YAML text ending in a line end (or empty) has an empty last line, as the reader counts lines.
    boolean emptyLast = to == from || cs[to - 1] == '\n';
    int count = last - first + (emptyLast ? 1 : 0);
    int[] starts = new int[count];
    int[] ends = new int[count];
    lines.copyStarts(first, last, starts);
    lines.copyEnds(first, last, ends);
    if (emptyLast) {
      starts[count - 1] = to;
      ends[count - 1] = to;
    }
    try {
      return new CommonYaml(lines.text(), cs, to, starts, ends, count, file, firstLine).document();
    } catch (Decline d) {
      return null;
    }
  }

  private YamlTreeReader.Result document() {
    for (int k = 0; k < lines; k++) {
      int s = starts[k];
      int len = ends[k] - s;
      // Directives and document markers.
      if (len > 0 && cs[s] == '%') throw Decline.INSTANCE;
      if (len >= 3 && (text.startsWith("---", s) || text.startsWith("...", s)) && (len == 3 || cs[s + 3] == ' ')) {
        throw Decline.INSTANCE;
      }
    }
    line = 0;
    if (!nextSignificant() || indent(line) != 0) throw Decline.INSTANCE;
    JsonNode root = mapping(0, NodePath.ROOT, -1);
    if (nextSignificant()) throw Decline.INSTANCE;
    return new YamlTreeReader.Result(root, map, new ArrayList<>());
  }

  /**
   * Moves {@link #line} to the next line that is neither blank nor a comment; false at the end.
   */
  private boolean nextSignificant() {
    while (line < lines) {
      int s = starts[line];
      int e = ends[line];
      int k = s;
      while (k < e && cs[k] == ' ') k++;
      if (k < e && cs[k] != '#') return true;
      line++;
    }
    return false;
  }

  private int indent(int l) {
    int s = starts[l];
    int e = ends[l];
    int k = s;
    while (k < e && cs[k] == ' ') k++;
    return k - s;
  }

  private Location at(int l, int offset) {
    return new Location(file, l + firstLine, offset - starts[l] + 1);
  }

  /**
   * The block mapping whose keys stand at column {@code indent} (0-based); when {@code firstAt} is
   * not negative, its first key starts there on the current line (after a sequence's {@code - }).
   */
  private ObjectNode mapping(int indent, NodePath path, int firstAt) {
    ObjectNode object = NODES.objectNode();
    boolean first = true;
    while (true) {
      int k;
      boolean afterDash = first && firstAt >= 0;
      if (afterDash) {
        k = firstAt;
      } else {
        if (!nextSignificant()) break;
        int in = indent(line);
        if (in < indent) break;
        if (in > indent) throw Decline.INSTANCE;
        k = starts[line] + in;
        if (cs[k] == '-' && (k + 1 == ends[line] || cs[k + 1] == ' ')) break;
      }
      int end = ends[line];
      int keyEnd = keyEnd(k, end);
      if (keyEnd < 0) throw Decline.INSTANCE;
      String name = new String(cs, k, keyEnd - k);
      Location keyAt = at(line, k);
      if (first) map.putValue(path, keyAt);
      first = false;
      if (object.has(name)) throw Decline.INSTANCE;
      NodePath child = path.field(name);
      map.putKey(child, keyAt);
      int v = keyEnd + 1;
      while (v < end && cs[v] == ' ') v++;
      if (v < end) {
        object.set(name, inline(v, indent, child));
        continue;
      }
      if (name.equals("points") && !afterDash && line + 1 < lines) {
        SampleLines.Block block = SampleLines.block(text, starts[line + 1], to, line + 2, indent);
        if (block != null) {
          object.set(name, block.fill(child, map, file, firstLine));
          line += 1 + block.times().length;
          continue;
        }
      }
      line++;
      if (!nextSignificant()) throw Decline.INSTANCE;
      int in = indent(line);
      int c = starts[line] + in;
      boolean item = cs[c] == '-' && (c + 1 == ends[line] || cs[c + 1] == ' ');
      if (in > indent) {
        object.set(name, item ? sequence(in, child) : mapping(in, child, -1));
      } else if (in == indent && item) {
        object.set(name, sequence(in, child));
      } else {
        throw Decline.INSTANCE; // an empty value: left to SnakeYAML
      }
    }
    return object;
  }

  /** Where the plain key starting at {@code k} ends (at its {@code :}, followed by a space or the line's end), or -1. */
  private int keyEnd(int k, int end) {
    int j = k;
    while (j < end) {
      char c = cs[j];
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || j > k && (c == '-' || c == '.')) {
        j++;
      } else {
        break;
      }
    }
    if (j == k || j >= end || cs[j] != ':') return -1;
    return j + 1 == end || cs[j + 1] == ' ' ? j : -1;
  }

  /** The block sequence whose {@code -} stand at column {@code indent}, starting on the current line. */
  private ArrayNode sequence(int indent, NodePath path) {
    ArrayNode array = NODES.arrayNode();
    map.putValue(path, at(line, starts[line] + indent));
    int i = 0;
    while (nextSignificant()) {
      int in = indent(line);
      if (in < indent) break;
      if (in > indent) throw Decline.INSTANCE;
      int d = starts[line] + in;
      int end = ends[line];
      if (cs[d] != '-' || d + 1 == end || cs[d + 1] != ' ') {
        if (cs[d] == '-' && d + 1 == end) throw Decline.INSTANCE; // an item on the lines below
        break;
      }
      int v = d + 1;
      while (v < end && cs[v] == ' ') v++;
      if (v == end) throw Decline.INSTANCE;
      NodePath child = path.index(i++);
      if (keyEnd(v, end) >= 0) {
        array.add(mapping(v - starts[line], child, v));
      } else {
        array.add(inline(v, indent, child));
      }
    }
    return array;
  }

  /**
   * The value starting at {@code v} on the current line, in a block whose own column is
   * {@code indent}; leaves {@link #line} after it.
   */
  private JsonNode inline(int v, int indent, NodePath path) {
    int end = ends[line];
    char c = cs[v];
    JsonNode value;
    switch (c) {
      case '>', '|' -> {
        return blockScalar(v, indent, path);
      }
      case '"', '\'' -> {
        String quoted = c == '"' ? doubleQuoted(v, end) : singleQuoted(v, end);
        restEmpty(closing + 1, end);
        map.putValue(path, at(line, v));
        value = NODES.textNode(quoted);
      }
      case '[' -> value = flowSequence(v, end, path);
      case '{' -> value = flowMapping(v, end, path);
      default -> {
        int e = end;
        while (e > v && cs[e - 1] == ' ') e--;
        for (int k = v; k < e; k++) {
          char x = cs[k];
          if (x == ':' && (k + 1 == e || cs[k + 1] == ' ') || x == '#' && cs[k - 1] == ' ') throw Decline.INSTANCE;
        }
        String plain = new String(cs, v, e - v);
        map.putValue(path, at(line, v));
        value = plain(plain);
      }
    }
    line++;
    // A value on one line: the next line must not carry on from it.
    int l = line;
    while (l < lines && indent(l) == ends[l] - starts[l]) l++;
    if (l < lines && indent(l) > indent) throw Decline.INSTANCE;
    return value;
  }

  private void restEmpty(int from, int end) {
    for (int k = from; k < end; k++) {
      if (cs[k] != ' ') throw Decline.INSTANCE;
    }
  }

  /** The double-quoted scalar opening at {@code q}; {@link #closing} is set to where it closes. */
  private String doubleQuoted(int q, int end) {
    int k = q + 1;
    while (k < end && cs[k] != '"' && cs[k] != '\\') k++;
    if (k < end && cs[k] == '"') {
      closing = k;
      return new String(cs, q + 1, k - q - 1);
    }
    StringBuilder out = new StringBuilder().append(cs, q + 1, k - q - 1);
    for (; k < end; k++) {
      char c = cs[k];
      if (c == '"') {
        closing = k;
        return out.toString();
      }
      if (c == '\\') {
        if (++k >= end) throw Decline.INSTANCE;
        switch (cs[k]) {
          case '\\' -> out.append('\\');
          case '"' -> out.append('"');
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          default -> throw Decline.INSTANCE;
        }
      } else {
        out.append(c);
      }
    }
    throw Decline.INSTANCE;
  }

  /** The single-quoted scalar opening at {@code q}; {@link #closing} is set to where it closes. */
  private String singleQuoted(int q, int end) {
    StringBuilder out = null;
    int from = q + 1;
    for (int k = q + 1; k < end; k++) {
      if (cs[k] != '\'') continue;
      if (k + 1 < end && cs[k + 1] == '\'') {
        if (out == null) out = new StringBuilder();
        out.append(cs, from, k + 1 - from);
        from = k + 2;
        k++;
      } else {
        closing = k;
        if (out == null) return new String(cs, q + 1, k - q - 1);
        return out.append(cs, from, k - from).toString();
      }
    }
    throw Decline.INSTANCE;
  }

  /** A one-line flow sequence of scalars, {@code [a, "b", c]}. */
  private ArrayNode flowSequence(int open, int end, NodePath path) {
    map.putValue(path, at(line, open));
    ArrayNode array = NODES.arrayNode();
    int k = firstEntry(open, end, ']');
    if (k < 0) return array;
    int i = 0;
    while (true) {
      NodePath child = path.index(i++);
      k = nextEntry(flowScalar(k, end, child, array, null, null), end, ']');
      if (k < 0) return array;
    }
  }

  /** Where the first entry of the flow collection opening at {@code open} starts, or -1 when it is empty ({@code []}, {@code {}}). */
  private int firstEntry(int open, int end, char close) {
    int k = skipSpaces(open + 1, end);
    if (k < end && cs[k] == close) {
      restEmpty(k + 1, end);
      return -1;
    }
    return k;
  }

  /**
   * Past the entry of a flow collection that ends at {@code k}: where the next entry starts (after
   * a comma), or -1 at the collection's {@code close}, after which the line must be empty.
   */
  private int nextEntry(int k, int end, char close) {
    k = skipSpaces(k, end);
    if (k >= end) throw Decline.INSTANCE;
    if (cs[k] == close) {
      restEmpty(k + 1, end);
      return -1;
    }
    if (cs[k] != ',') throw Decline.INSTANCE;
    return skipSpaces(k + 1, end);
  }

  /** A one-line flow mapping of plain keys and scalars, {@code {amount: 5, currency: EUR}}. */
  private ObjectNode flowMapping(int open, int end, NodePath path) {
    map.putValue(path, at(line, open));
    ObjectNode object = NODES.objectNode();
    int k = firstEntry(open, end, '}');
    if (k < 0) return object;
    while (true) {
      int keyEnd = keyEnd(k, end);
      if (keyEnd < 0) throw Decline.INSTANCE;
      String name = new String(cs, k, keyEnd - k);
      if (object.has(name)) throw Decline.INSTANCE;
      NodePath child = path.field(name);
      map.putKey(child, at(line, k));
      k = skipSpaces(keyEnd + 1, end);
      k = nextEntry(flowScalar(k, end, child, null, object, name), end, '}');
      if (k < 0) return object;
    }
  }

  /** One scalar of a flow collection from {@code k}, added to {@code array} or set in {@code object}; returns where it ends. */
  private int flowScalar(int k, int end, NodePath path, ArrayNode array, ObjectNode object, String name) {
    if (k >= end) throw Decline.INSTANCE;
    char c = cs[k];
    JsonNode value;
    int after;
    if (c == '"' || c == '\'') {
      value = NODES.textNode(c == '"' ? doubleQuoted(k, end) : singleQuoted(k, end));
      after = closing + 1;
    } else {
      int e = k;
      while (e < end) {
        char x = cs[e];
        if (x == ',' || x == ']' || x == '}') break;
        if (x == ':' || x == '#' || x == '[' || x == '{') throw Decline.INSTANCE;
        e++;
      }
      after = e;
      while (e > k && cs[e - 1] == ' ') e--;
      if (e == k) throw Decline.INSTANCE;
      value = plain(new String(cs, k, e - k));
    }
    map.putValue(path, at(line, k));
    if (array != null) array.add(value);
    else object.set(name, value);
    return after;
  }

  private int skipSpaces(int k, int end) {
    while (k < end && cs[k] == ' ') k++;
    return k;
  }

  /**
   * The node Jackson makes of a plain scalar, where it is certain: text that no YAML 1.1 type
   * could claim, or a number {@link QuickScalarYamlFactory#quickType} types.
   */
  private static JsonNode plain(String s) {
    char c = s.charAt(0);
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
      if (s.length() <= 5 && isTypedWord(s)) throw Decline.INSTANCE;
      return NODES.textNode(s);
    }
    if (c >= '0' && c <= '9' || c == '-') {
      if (c == '-' && (s.length() == 1 || s.charAt(1) == ' ')) throw Decline.INSTANCE;
      JsonToken type = QuickScalarYamlFactory.quickType(s);
      if (type == JsonToken.VALUE_STRING) return NODES.textNode(s);
      if (type != null) return SampleLines.value(s);
      if (c != '-' && neverANumber(s)) return NODES.textNode(s);
      throw Decline.INSTANCE;
    }
    if (c > 0xA0 || c == '_' || c == '/' || c == '(' || c == '$' || c == '=' || c == '^') return NODES.textNode(s);
    throw Decline.INSTANCE;
  }

  /** Words that YAML 1.1 may read as a boolean or null, in any case: left to SnakeYAML. */
  private static boolean isTypedWord(String s) {
    String w = s.toLowerCase(java.util.Locale.ROOT);
    return switch (w) {
      case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> true;
      default -> false;
    };
  }

  /**
   * Whether a plain scalar that starts with a digit can match none of YAML 1.1's integer and float
   * patterns (binary, octal, decimal, hexadecimal and base 60 integers; floats with exponents), and
   * so is a date, a timestamp or text, all strings to Jackson: it holds a dash after a digit
   * ({@code 2025-07-25}, {@code 2025-05-20-checkout-outage}) or a letter no number holds
   * ({@code 10ms}, {@code 3rd}).
   */
  static boolean neverANumber(String s) {
    for (int k = 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '-' && s.charAt(k - 1) >= '0' && s.charAt(k - 1) <= '9') return true;
      if (c >= 'g' && c <= 'z' && c != 'x' && c != 'b' || c >= 'G' && c <= 'Z' && c != 'X' && c != 'B') return true;
    }
    return false;
  }

  /**
   * A folded ({@code >}) or literal ({@code |}) block scalar whose indicator is at {@code v}, in a
   * block at column {@code indent}: clipped or stripped ({@code -}), its lines all at one
   * indentation when folded.
   */
  private JsonNode blockScalar(int v, int indent, NodePath path) {
    int end = ends[line];
    boolean folded = cs[v] == '>';
    int k = v + 1;
    boolean strip = false;
    if (k < end && cs[k] == '-') {
      strip = true;
      k++;
    }
    restEmpty(k, end);
    map.putValue(path, at(line, v));
    int l = line + 1;
    if (l >= lines || indent(l) == ends[l] - starts[l]) throw Decline.INSTANCE; // no content, or leading empty lines
    int m = indent(l);
    if (m <= indent) throw Decline.INSTANCE;
    StringBuilder out = new StringBuilder();
    int emptyRun = 0;
    boolean any = false;
    for (; l < lines; l++) {
      int s = starts[l];
      int e = ends[l];
      int in = indent(l);
      if (in == e - s) {
        if (in > m) throw Decline.INSTANCE;
        emptyRun++;
        continue;
      }
      if (in < m) {
        if (cs[s + in] == '#' && in > indent) throw Decline.INSTANCE;
        break;
      }
      if (folded && in > m) throw Decline.INSTANCE;
      if (any) {
        if (folded) {
          if (emptyRun == 0) out.append(' ');
          else out.append("\n".repeat(emptyRun));
        } else {
          out.append("\n".repeat(emptyRun + 1));
        }
      }
      out.append(cs, s + m, e - s - m);
      any = true;
      emptyRun = 0;
    }
    if (!strip) out.append('\n');
    line = l;
    return NODES.textNode(out.toString());
  }
}
