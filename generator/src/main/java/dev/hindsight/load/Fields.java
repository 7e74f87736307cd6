package dev.hindsight.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values out of a document tree. The schema checker reports wrong shapes, forms and
 * impossible dates; here such values are simply skipped, so each mistake is reported once.
 */
final class Fields {
  Fields() {}

  Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  String requiredText(JsonNode node, String field) {
    return text(node, field).orElse("");
  }

  List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node.get(field);
    if (v != null && v.isArray()) v.forEach(e -> {
      if (e.isValueNode() && !e.isNull()) out.add(e.asText());
    });
    return out;
  }

  Optional<OffsetDateTime> time(JsonNode node, String field) {
    return text(node, field).flatMap(Fields::parseTime);
  }

  static Optional<OffsetDateTime> parseTime(String s) {
    try {
      return Optional.of(OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  Optional<LocalDate> date(JsonNode node, String field) {
    return text(node, field).flatMap(s -> {
      try {
        return Optional.of(LocalDate.parse(s));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }
}
