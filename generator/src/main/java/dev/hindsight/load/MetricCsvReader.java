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
  /** A month of one-minute samples is about 1.5 MB; more than this is an export gone wrong. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  /** More samples than a chart can show on a screen or a page many times over. */
  public static final int MAX_ROWS = 50_000;
  /** Bad rows reported one by one; the rest are counted in one more diagnostic. */
  static final int MAX_ROW_PROBLEMS = 20;

  public List<MetricPoint> read(Path csv, List<Diagnostic> problems) {
    List<String> lines;
    try {
      long size = Files.size(csv);
      if (size > MAX_BYTES) {
        problems.add(Diagnostic.error(Location.startOf(csv), Code.HS403,
            String.format("this CSV file is %.1f MB; metric files are limited to %d MB", size / 1048576.0, MAX_BYTES / 1048576),
            "export only the window around the incident, at a coarser step (one sample a minute is plenty for a post-mortem chart)"));
        return List.of();
      }
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      problems.add(Diagnostic.error(Location.startOf(csv), Code.HS403, "this CSV file is not UTF-8 text",
          "export it again as UTF-8 (or plain ASCII) CSV; a spreadsheet's \"CSV UTF-8\" option does this"));
      return List.of();
    } catch (IOException e) {
      problems.add(Diagnostic.error(Location.startOf(csv), Code.HS403, "could not read this CSV file: " + e.getMessage(), "save it as UTF-8 text"));
      return List.of();
    }
    if (lines.size() - 1 > MAX_ROWS) {
      problems.add(Diagnostic.error(new Location(csv, MAX_ROWS + 2, 1), Code.HS403,
          String.format("this CSV file has %,d rows; a metric series is limited to %,d samples", lines.size() - 1, MAX_ROWS),
          "export the window around the incident at a coarser step, e.g. one sample a minute"));
      return List.of();
    }
    List<Diagnostic> rowProblems = new ArrayList<>();
    List<MetricPoint> points = readRows(csv, lines, rowProblems);
    problems.addAll(rowProblems.subList(0, Math.min(rowProblems.size(), MAX_ROW_PROBLEMS)));
    if (rowProblems.size() > MAX_ROW_PROBLEMS) {
      Diagnostic next = rowProblems.get(MAX_ROW_PROBLEMS);
      problems.add(Diagnostic.error(next.location(), Code.HS403,
          String.format("and %,d more bad rows from here on (only the first %d are listed)", rowProblems.size() - MAX_ROW_PROBLEMS, MAX_ROW_PROBLEMS),
          "fix the rows above, then validate again; if the whole file looks like this, check the export's column separator and time format"));
    }
    return points;
  }

  private static List<MetricPoint> readRows(Path csv, List<String> lines, List<Diagnostic> problems) {
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
