package dev.hindsight.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Writes the field reference of a JSON Schema as a Markdown table, so that the documentation is
 * generated from the schema (the single source of truth) and a test keeps the two in step.
 */
public final class SchemaReference {
  private final JsonNode root;

  public SchemaReference(JsonNode root) {
    this.root = root;
  }

  public String markdownTable() {
    StringBuilder sb = new StringBuilder("| Field | Type | Required | Meaning |\n|---|---|---|---|\n");
    walk("", root, Set.of(), sb);
    return sb.toString();
  }

  private void walk(String prefix, JsonNode schema, Set<String> requiredHere, StringBuilder sb) {
    JsonNode s = deref(schema);
    JsonNode properties = s.path("properties");
    Set<String> required = new HashSet<>();
    s.path("required").forEach(r -> required.add(r.asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode raw = field.getValue();
      JsonNode resolved = deref(raw);
      String description = raw.has("description") ? raw.get("description").asText() : resolved.path("description").asText("");
      sb.append("| `").append(path).append("` | ").append(type(raw)).append(" | ")
          .append(required.contains(field.getKey()) ? "yes" : "").append(" | ").append(description.replace("|", "\\|")).append(" |\n");
      if (resolved.has("properties")) {
        walk(path, resolved, required, sb);
      } else if (resolved.path("items").isObject() && deref(resolved.get("items")).has("properties")) {
        walk(path + "[]", resolved.get("items"), required, sb);
      }
    }
  }

  private String type(JsonNode raw) {
    if (raw.has("$ref")) {
      String ref = raw.get("$ref").asText();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return switch (name) {
        case "timestamp" -> "date-time with offset";
        case "date" -> "date (YYYY-MM-DD)";
        case "name" -> "name";
        case "reference" -> "reference";
        default -> typeOf(deref(raw));
      };
    }
    return typeOf(raw);
  }

  private String typeOf(JsonNode s) {
    if (s.has("enum")) {
      List<String> values = StreamSupport.stream(s.get("enum").spliterator(), false).map(JsonNode::asText).toList();
      return "one of " + String.join(" \\| ", values);
    }
    String type = s.path("type").asText("any");
    if (type.equals("array")) {
      JsonNode items = s.path("items");
      if (items.has("$ref") || items.has("type") || items.has("enum")) {
        String inner = items.has("properties") || deref(items).has("properties") ? "object" : type(items);
        return "list of " + inner;
      }
      return "list";
    }
    return type.equals("object") ? "object" : type.equals("integer") ? "whole number" : type.equals("string") ? "text" : type;
  }

  private JsonNode deref(JsonNode schema) {
    JsonNode s = schema;
    List<String> seen = new ArrayList<>();
    while (s != null && s.has("$ref") && seen.size() < 8) {
      String ref = s.get("$ref").asText();
      seen.add(ref);
      JsonNode target = root;
      for (String part : ref.substring(2).split("/")) target = target.path(part);
      s = target;
    }
    return s;
  }
}
