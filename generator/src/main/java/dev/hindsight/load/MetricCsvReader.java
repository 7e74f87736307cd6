package dev.hindsight.load;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.model.MetricPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a metric series from a two-column CSV file with the header {@code time,value}, such as
 * monitoring tools export. Every bad row is reported at its own line and column.
 */
public final class MetricCsvReader {
  public List<MetricPoint> read(Path csv, List<Diagnostic> problems) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(Diagnostic.error(Location.startOf(csv), Code.HS403, "could not read this CSV file: " + e.getMessage(), "save it as UTF-8 text"));
      return List.of();
    }
    List<MetricPoint> points = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").replace(" ", "").equalsIgnoreCase("time,value")) {
      problems.add(Diagnostic.error(Location.startOf(csv), Code.HS403, "the first line of a metric CSV must be the header `time,value`",
          "add the header line `time,value`, then one `2025-03-04T09:12:00+01:00,42.5` row per sample"));
      return List.of();
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      int lineNo = i + 1;
      int comma = line.indexOf(',');
      if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
        problems.add(Diagnostic.error(new Location(csv, lineNo, 1), Code.HS403, "a row must have exactly two columns, time and value",
            "write rows as `2025-03-04T09:12:00+01:00,42.5`"));
        continue;
      }
      String time = line.substring(0, comma).strip();
      String value = line.substring(comma + 1).strip();
      OffsetDateTime at;
      try {
        at = OffsetDateTime.parse(time);
      } catch (DateTimeParseException e) {
        problems.add(Diagnostic.error(new Location(csv, lineNo, 1), Code.HS403,
            "`" + time + "` is not a date and time with a UTC offset", "write it like 2025-03-04T09:12:00+01:00"));
        continue;
      }
      try {
        double v = Double.parseDouble(value);
        if (!Double.isFinite(v)) throw new NumberFormatException();
        points.add(new MetricPoint(at, v));
      } catch (NumberFormatException e) {
        problems.add(Diagnostic.error(new Location(csv, lineNo, comma + 2), Code.HS403,
            "`" + value + "` is not a number", "write the value with digits and a decimal point, without units"));
      }
    }
    return points;
  }
}
