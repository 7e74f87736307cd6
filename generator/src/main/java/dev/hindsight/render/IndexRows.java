package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every row of a paged index as JSON, for the index's filters: a filter or an order other than
 * newest first looks at every incident, not only at one page's. Each record holds the row's data
 * attributes under the same names ({@code severity}, {@code rank}, {@code year}, {@code status},
 * {@code category}, {@code services}, {@code started}, {@code duration}), so the filters read a
 * record as they read a row, and what the row shows, already formatted ({@code url} from the site
 * root, {@code title}, {@code date}, {@code length}, {@code summary}). A page asset, not part of
 * the documented data (docs/data.md).
 */
final class IndexRows {
  private static final JsonFactory JSON = new JsonFactory();

  private IndexRows() {}

  static void write(List<Views.IncidentRow> rows, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.writeStartArray();
      for (Views.IncidentRow r : rows) {
        g.writeStartObject();
        g.writeStringField("severity", r.severity());
        g.writeNumberField("rank", r.severityRank());
        g.writeStringField("year", r.year());
        g.writeStringField("status", r.status());
        g.writeStringField("category", r.category());
        g.writeStringField("services", String.join(" ", r.services()));
        g.writeStringField("started", r.startedIso());
        g.writeNumberField("duration", r.durationMinutes());
        g.writeStringField("url", r.url());
        g.writeStringField("title", r.title());
        g.writeStringField("date", r.started());
        g.writeStringField("length", r.duration());
        g.writeStringField("summary", r.summaryText());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
