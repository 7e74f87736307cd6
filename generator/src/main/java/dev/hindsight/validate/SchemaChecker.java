package dev.hindsight.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DidYouMean;
import dev.hindsight.load.NodePath;
import dev.hindsight.load.SourceMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Checks a document against a JSON Schema (draft 2020-12) and turns each violation into a
 * diagnostic in the author's words, placed at the offending key or value. Thread-safe.
 */
public final class SchemaChecker {
  private final Schema schema;
  private final SchemaIndex index;
  /** Whether documents are incidents, whose plain metric samples are checked here (see {@link #withPlainSamplesStubbed}). */
  private final boolean incidents;

  private SchemaChecker(JsonNode schemaJson, boolean incidents) {
    this.incidents = incidents;
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .locale(Locale.ENGLISH)
        .regularExpressionFactory(QuickPatterns.INSTANCE)
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(QuickFormat.DIALECT, b -> b.schemaRegistryConfig(config));
    this.schema = registry.getSchema(schemaJson);
    this.index = new SchemaIndex(schemaJson);
  }

  /**
   * The schemas' regular expressions, each (of those that every timestamp, date, name and id of
   * an incident is matched against) with a test by hand that says yes only where the expression
   * certainly matches: a timestamp or a date that {@link dev.hindsight.load.Fields} reads digit by
   * digit (its shape is the pattern's), a name or an id character by character. Anything else is
   * left to the expression, so the answers are the expressions' own; a matcher for each of the
   * tens of values of every file was a fifth of the schema check.
   */
  static final class QuickPatterns implements com.networknt.schema.regex.RegularExpressionFactory {
    static final QuickPatterns INSTANCE = new QuickPatterns();

    /** What each pattern surely matches, by the pattern as the schemas write it. */
    static final java.util.Map<String, java.util.function.Predicate<String>> SURE = java.util.Map.of(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
        s -> dev.hindsight.load.Fields.quickEpochSecond(s) != dev.hindsight.load.Fields.NOT_QUICK,
        "^\\d{4}-\\d{2}-\\d{2}$", dev.hindsight.load.Fields::plainDate,
        "^[A-Za-z0-9][A-Za-z0-9_.-]*$", s -> word(s, true),
        "^[a-z0-9][a-z0-9-]*$", s -> word(s, false));

    @Override
    public com.networknt.schema.regex.RegularExpression getRegularExpression(String regex) {
      com.networknt.schema.regex.RegularExpression expression =
          com.networknt.schema.regex.JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
      java.util.function.Predicate<String> sure = SURE.get(regex);
      return sure == null ? expression : value -> sure.test(value) || expression.matches(value);
    }

    /** A letter or digit, then letters, digits and dashes (and, in a name, capitals, {@code _} and {@code .}). */
    private static boolean word(String s, boolean name) {
      if (s.isEmpty()) return false;
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || name && c >= 'A' && c <= 'Z'
            || k > 0 && (c == '-' || name && (c == '_' || c == '.'));
        if (!ok) return false;
      }
      return true;
    }
  }

  /**
   * A format of the schema (networknt's own) with a test by hand in front that says yes only to
   * values the format surely accepts: the common shape of a timestamp or a date, in range
   * ({@link dev.hindsight.load.Fields#plainTime}, {@link dev.hindsight.load.Fields#plainDate}).
   * Anything else is left to the format, so the answers are its own.
   */
  record QuickFormat(com.networknt.schema.format.Format format, java.util.function.Predicate<String> sure)
      implements com.networknt.schema.format.Format {
    /** Draft 2020-12, its {@code date-time} and {@code date} formats so fronted. */
    static final com.networknt.schema.dialect.Dialect DIALECT = dialect();

    private static com.networknt.schema.dialect.Dialect dialect() {
      com.networknt.schema.dialect.Dialect.Builder builder =
          com.networknt.schema.dialect.Dialect.builder(com.networknt.schema.dialect.Dialects.getDraft202012());
      for (com.networknt.schema.format.Format f : com.networknt.schema.format.Formats.DEFAULT) {
        if (f.getName().equals("date-time")) builder.format(new QuickFormat(f, dev.hindsight.load.Fields::plainTime));
        if (f.getName().equals("date")) builder.format(new QuickFormat(f, dev.hindsight.load.Fields::plainDate));
      }
      return builder.build();
    }

    @Override
    public String getName() {
      return format.getName();
    }

    @Override
    public String getMessageKey() {
      return format.getMessageKey();
    }

    @Override
    public boolean matches(com.networknt.schema.ExecutionContext context, String value) {
      return sure.test(value) || format.matches(context, value);
    }
  }

  /** The checker for incident files, from the schema packaged with Hindsight. */
  public static SchemaChecker incidents() {
    return fromResource("incident.schema.json", true);
  }

  /** The checker for hindsight.yaml. */
  public static SchemaChecker config() {
    return fromResource("config.schema.json", false);
  }

  private static SchemaChecker fromResource(String name, boolean incidents) {
    try (InputStream in = SchemaChecker.class.getResourceAsStream("/dev/hindsight/schema/" + name)) {
      if (in == null) throw new IllegalStateException("schema missing from the jar: " + name);
      return new SchemaChecker(new ObjectMapper().readTree(in), incidents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SchemaIndex index() {
    return index;
  }

  public List<Diagnostic> check(JsonNode document, SourceMap map) {
    return check(document, map, incidents);
  }

  /** {@link #check(JsonNode, SourceMap)}, with or without the shortcut for plain samples: both give the same diagnostics. */
  List<Diagnostic> check(JsonNode document, SourceMap map, boolean stubPlainSamples) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Error> errors = schema.validate(stubPlainSamples ? withPlainSamplesStubbed(document) : document);
    Set<NodePath> badForm = new HashSet<>();
    for (Error error : errors) {
      if ("pattern".equals(error.getKeyword())) badForm.add(toPath(error.getInstanceLocation()));
    }
    for (Error error : errors) {
      NodePath path = toPath(error.getInstanceLocation());
      String keyword = error.getKeyword();
      if ("format".equals(keyword) && badForm.contains(path)) continue;
      String dedupKey = switch (keyword) {
        case "required", "additionalProperties" -> keyword + path + "/" + error.getProperty();
        default -> "value" + path;
      };
      if (!seen.add(dedupKey)) continue;
      out.add(describe(error, keyword, path, document, map));
    }
    return out;
  }

  /** Two samples the schema accepts, in place of a metric's samples that are all known to be valid. */
  private static final ArrayNode VALID_SAMPLES = validSamples();

  private static ArrayNode validSamples() {
    ArrayNode samples = JsonNodeFactory.instance.arrayNode();
    for (int k = 0; k < 2; k++) samples.addArray().add("2000-01-01T00:00:00Z").add(0);
    return samples;
  }

  /**
   * The document with each metric's {@code points} replaced by two valid samples where every one
   * of them is plainly valid: a pair of a timestamp {@link dev.hindsight.load.Fields#plainTime} accepts and a finite number.
   * A corpus holds over a million samples, and the schema's check of each one (the timestamp's
   * pattern and format, the pair's items) was two thirds of the schema check. The schema asks no
   * more of {@code points} than at least two such pairs, so a list that is all plain has no error
   * and two stand for it; a list with anything else is checked by the schema as written. The
   * document itself is not changed (the stubbed parts are copies), so diagnostics still point into it.
   */
  static JsonNode withPlainSamplesStubbed(JsonNode document) {
    if (!(document instanceof ObjectNode root) || !(root.get("metrics") instanceof ArrayNode metrics)) return document;
    ArrayNode copy = null;
    for (int m = 0; m < metrics.size(); m++) {
      if (!(metrics.get(m) instanceof ObjectNode metric) || !(metric.get("points") instanceof ArrayNode points) || !allPlain(points)) continue;
      if (copy == null) copy = JsonNodeFactory.instance.arrayNode(metrics.size()).addAll(metrics);
      ObjectNode stubbed = JsonNodeFactory.instance.objectNode();
      stubbed.setAll(metric);
      stubbed.set("points", VALID_SAMPLES);
      copy.set(m, stubbed);
    }
    if (copy == null) return document;
    ObjectNode stubbedRoot = JsonNodeFactory.instance.objectNode();
    stubbedRoot.setAll(root);
    stubbedRoot.set("metrics", copy);
    return stubbedRoot;
  }

  private static boolean allPlain(ArrayNode points) {
    if (points.size() < 2) return false;
    for (JsonNode sample : points) {
      if (!sample.isArray() || sample.size() != 2) return false;
      JsonNode time = sample.get(0);
      boolean plain = time instanceof dev.hindsight.load.SampleTime read ? read.plain() : time.isTextual() && dev.hindsight.load.Fields.plainTime(time.textValue());
      if (!plain) return false;
      JsonNode value = sample.get(1);
      if (!value.isNumber() || value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) return false;
    }
    return true;
  }

  private Diagnostic describe(Error error, String keyword, NodePath path, JsonNode document, SourceMap map) {
    String where = path.isRoot() ? "" : " in `" + path + "`";
    JsonNode value = error.getInstanceNode();
    switch (keyword) {
      case "required" -> {
        String field = error.getProperty();
        String hint = index.description(path.field(field)).map(d -> "`" + field + "`: " + d).orElse(null);
        return Diagnostic.error(map.value(path), Code.HS101, "missing required field `" + field + "`" + where, hint);
      }
      case "additionalProperties" -> {
        String field = error.getProperty();
        List<String> known = index.fieldNames(path);
        return Diagnostic.error(map.key(path.field(field)), Code.HS102, "unknown field `" + field + "`" + where,
            DidYouMean.closest(field, known).map(c -> "did you mean `" + c + "`?")
                .orElse("the fields allowed here are: " + String.join(", ", known)));
      }
      case "enum" -> {
        List<String> allowed = StreamSupport.stream(error.getSchemaNode().spliterator(), false).map(JsonNode::asText).toList();
        return Diagnostic.error(map.value(path), Code.HS103,
            "`" + path + "` is " + quote(value) + ", which is not one of: " + String.join(", ", allowed),
            DidYouMean.hint(value == null ? "" : value.asText(), allowed));
      }
      case "type" -> {
        String expected = typeName(error.getSchemaNode().asText());
        return Diagnostic.error(map.value(path), Code.HS104,
            "`" + path + "` must be " + expected + ", not " + actualName(value), typeHint(error.getSchemaNode().asText(), value));
      }
      case "pattern" -> {
        return Diagnostic.error(map.value(path), Code.HS105, formatMessage(path, value), formatHint(path));
      }
      case "format" -> {
        // The form is right (the pattern passed) but the value does not exist, like 2025-02-30.
        boolean timestamp = index.definitionName(path).filter("timestamp"::equals).isPresent();
        if (timestamp && value != null && value.isTextual() && value.textValue().endsWith("-00:00")) {
          // RFC 3339 reads -00:00 as "the offset is unknown": the format refuses it.
          return Diagnostic.error(map.value(path), Code.HS218,
              "`" + path + "` is " + quote(value) + ", whose offset -00:00 means an unknown time zone",
              "write the offset the time was recorded in, or Z (or +00:00) for UTC");
        }
        return Diagnostic.error(map.value(path), Code.HS218,
            "`" + path + "` is " + quote(value) + ", which is not a real " + (timestamp ? "date and time" : "date"),
            "check the day of the month, the month (01-12) and the hour (00-23)");
      }
      default -> {
        return Diagnostic.error(map.value(path), Code.HS106, "`" + path + "` " + error.getMessage(), index.description(path).orElse(null));
      }
    }
  }

  private String formatMessage(NodePath path, JsonNode value) {
    String def = index.definitionName(path).orElse("");
    String field = "`" + path + "`";
    return switch (def) {
      case "timestamp" -> field + " must be a date and time with a UTC offset, like 2025-03-04T09:12:00+01:00, not " + quote(value);
      case "date" -> field + " must be a date written YYYY-MM-DD, like 2025-03-11, not " + quote(value);
      case "name" -> field + " may hold only letters, digits, `-`, `_` and `.`, not " + quote(value);
      default -> switch (path.lastField()) {
        case "id" -> field + " must be lower-case letters, digits and dashes, like 2025-03-04-checkout-deadlock, not " + quote(value);
        case "currency" -> field + " must be a three-letter ISO 4217 code such as EUR or USD, not " + quote(value);
        default -> field + " has the wrong form: " + quote(value);
      };
    };
  }

  private String formatHint(NodePath path) {
    String def = index.definitionName(path).orElse("");
    return switch (def) {
      case "timestamp" -> "write the date, a `T`, the time, and the offset (`Z` for UTC or e.g. `+02:00`)";
      case "date" -> "four-digit year, two-digit month and day, separated by `-`";
      default -> index.description(path).orElse(null);
    };
  }

  private static String typeName(String schemaType) {
    return switch (schemaType) {
      case "string" -> "text";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "array" -> "a list";
      case "object" -> "a mapping of `field: value` lines";
      case "boolean" -> "true or false";
      default -> schemaType;
    };
  }

  private static String actualName(JsonNode value) {
    if (value == null || value.isNull()) return "empty";
    if (value.isTextual()) return "text " + quote(value);
    if (value.isIntegralNumber()) return "the number " + value.asText();
    if (value.isNumber()) return "the number " + value.asText();
    if (value.isBoolean()) return value.asText();
    if (value.isArray()) return "a list";
    return "a mapping";
  }

  private static String typeHint(String expected, JsonNode value) {
    if (value == null || value.isNull()) return "give a value after the colon, or remove the line";
    return switch (expected) {
      case "string" -> "put the value in quotes";
      case "array" -> "write a list: one `- item` line per entry, or `[a, b]`";
      case "object" -> "indent the fields below this key";
      case "integer", "number" -> "write digits only, without units or thousands separators";
      default -> null;
    };
  }

  private static String quote(JsonNode value) {
    if (value == null || value.isNull()) return "empty";
    String text = value.isValueNode() ? value.asText() : value.toString();
    if (text.length() > 60) text = text.substring(0, 57) + "...";
    return "`" + text + "`";
  }

  private static NodePath toPath(com.networknt.schema.path.NodePath location) {
    NodePath path = NodePath.ROOT;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer n ? path.index(n) : path.field(String.valueOf(element));
    }
    return path;
  }
}
