package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Metric;
import dev.hindsight.model.MetricPoint;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/**
 * The data a metric chart needs, as JSON for a {@code <script type="application/json">} block:
 * the samples, the unit, the threshold and the incident's key moments, so that the script draws
 * the incident window shaded and detection and mitigation marked. No code travels in the page.
 */
final class ChartData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChartData() {}

  static String of(Incident i, Metric m, ZoneId zone) {
    ObjectNode o = JSON.createObjectNode();
    o.put("title", m.title());
    o.put("unit", m.unit());
    o.put("zone", zone.getId());
    if (m.threshold().isPresent()) o.put("threshold", m.threshold().getAsDouble());
    o.put("started", i.started().toInstant().toEpochMilli());
    i.detected().ifPresent(t -> o.put("detected", t.toInstant().toEpochMilli()));
    i.mitigated().ifPresent(t -> o.put("mitigated", t.toInstant().toEpochMilli()));
    i.resolved().ifPresent(t -> o.put("resolved", t.toInstant().toEpochMilli()));
    ArrayNode points = o.putArray("points");
    for (MetricPoint p : m.points()) points.addArray().add(p.epochMilli()).add(p.value());
    return forScript(write(o));
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON that cannot end the script element it sits in, nor open a comment. */
  static String forScript(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
