package dev.hindsight.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.load.NodePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Navigates a JSON Schema along an instance path, so that diagnostics can quote the schema's own
 * descriptions and field names: the schema stays the single source of truth for the format.
 */
public final class SchemaIndex {
  private final JsonNode root;

  public SchemaIndex(JsonNode root) {
    this.root = root;
  }

  /** The subschema that describes the value at {@code path} ($refs followed), if any. */
  public Optional<JsonNode> at(NodePath path) {
    JsonNode schema = deref(root);
    for (Object element : path.elements()) {
      if (schema == null) return Optional.empty();
      if (element instanceof String name) {
        schema = deref(schema.path("properties").get(name));
      } else {
        int i = (Integer) element;
        JsonNode prefix = schema.path("prefixItems");
        schema = deref(prefix.has(i) ? prefix.get(i) : schema.get("items"));
      }
    }
    return Optional.ofNullable(schema);
  }

  /** The name of the {@code $defs} entry the value at {@code path} refers to, e.g. "timestamp". */
  public Optional<String> definitionName(NodePath path) {
    if (path.isRoot()) return Optional.empty();
    Optional<JsonNode> parent = at(path.parent());
    if (parent.isEmpty()) return Optional.empty();
    Object last = path.elements().get(path.elements().size() - 1);
    JsonNode raw;
    if (last instanceof String name) {
      raw = parent.get().path("properties").get(name);
    } else {
      JsonNode prefix = parent.get().path("prefixItems");
      raw = prefix.has((Integer) last) ? prefix.get((Integer) last) : parent.get().get("items");
    }
    if (raw == null || !raw.has("$ref")) return Optional.empty();
    String ref = raw.get("$ref").asText();
    return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** The field names the object at {@code path} allows. */
  public List<String> fieldNames(NodePath path) {
    List<String> names = new ArrayList<>();
    at(path).ifPresent(s -> {
      Iterator<String> it = s.path("properties").fieldNames();
      it.forEachRemaining(names::add);
    });
    return names;
  }

  /** The description of the value at {@code path}, if the schema gives one. */
  public Optional<String> description(NodePath path) {
    if (path.isRoot()) return Optional.empty();
    Optional<JsonNode> parent = at(path.parent());
    Object last = path.elements().get(path.elements().size() - 1);
    Optional<JsonNode> raw = parent.map(p -> last instanceof String name ? p.path("properties").get(name) : p.get("items"));
    return raw.map(r -> r.path("description").asText(null))
        .or(() -> at(path).map(s -> s.path("description").asText(null)));
  }

  private JsonNode deref(JsonNode schema) {
    int guard = 0;
    while (schema != null && schema.has("$ref") && guard++ < 16) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/")) return schema;
      JsonNode target = root;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      schema = target.isMissingNode() ? null : target;
    }
    return schema;
  }
}
