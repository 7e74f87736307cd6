package dev.hindsight.pdf;

import static dev.hindsight.render.DateFormats.TIME;

import dev.hindsight.model.Incident;
import dev.hindsight.model.Metric;
import dev.hindsight.model.MetricPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a metric as an SVG line chart for print: time axis in the site's zone, value axis with
 * the unit, the impact window shaded, detection and mitigation marked, the threshold dashed. The
 * same information as the site's Chart.js chart, as vector graphics.
 */
public final class SvgChart {
  static final int WIDTH = 520;
  static final int HEIGHT = 190;
  private static final int LEFT = 52;
  private static final int RIGHT = 10;
  private static final int TOP = 14;
  private static final int BOTTOM = 30;

  private SvgChart() {}

  /** The chart of {@code m} for incident {@code i}, as an SVG element. */
  public static String of(Incident i, Metric m, ZoneId zone) {
    List<MetricPoint> pts = m.points();
    if (pts.size() < 2) return "";
    long t0 = pts.get(0).at().toInstant().toEpochMilli();
    long t1 = pts.get(pts.size() - 1).at().toInstant().toEpochMilli();
    double max = pts.stream().mapToDouble(MetricPoint::value).max().orElse(1);
    if (m.threshold().isPresent()) max = Math.max(max, m.threshold().getAsDouble());
    double top = niceCeiling(max);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    java.util.function.LongToDoubleFunction x = t -> LEFT + (t - t0) / (double) Math.max(1, t1 - t0) * plotW;
    java.util.function.DoubleUnaryOperator y = v -> TOP + (1 - v / top) * plotH;

    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans\" font-size=\"8\">",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    long end = i.mitigated().or(i::resolved).map(t -> t.toInstant().toEpochMilli()).orElse(t1);
    long start = i.started().toInstant().toEpochMilli();
    double wx0 = clamp(x.applyAsDouble(start), LEFT, LEFT + plotW);
    double wx1 = clamp(x.applyAsDouble(end), LEFT, LEFT + plotW);
    if (wx1 > wx0) {
      svg.append(rect(wx0, TOP, wx1 - wx0, plotH, "#f6d6d3"));
      svg.append(text(wx0 + 3, TOP + 9, "Impact window", "#8f1d14", "start"));
    }
    for (int k = 0; k <= 4; k++) {
      double v = top * k / 4;
      double yy = y.applyAsDouble(v);
      svg.append(line(LEFT, yy, LEFT + plotW, yy, "#d9dee5", 0.5, null));
      svg.append(text(LEFT - 4, yy + 3, format(v), "#5b6877", "end"));
    }
    for (int k = 0; k <= 4; k++) {
      long t = t0 + (t1 - t0) * k / 4;
      double xx = x.applyAsDouble(t);
      svg.append(text(xx, HEIGHT - BOTTOM + 12, TIME.format(Instant.ofEpochMilli(t).atZone(zone)), "#5b6877", "middle"));
    }
    svg.append(text(LEFT + plotW / 2, HEIGHT - 4, "Time (" + zone.getId() + ")", "#5b6877", "middle"));
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%.1f\" fill=\"#5b6877\" text-anchor=\"middle\" transform=\"rotate(-90 10 %.1f)\">%s</text>",
        TOP + plotH / 2, TOP + plotH / 2, escape(m.unit())));
    if (m.threshold().isPresent()) {
      double ty = y.applyAsDouble(m.threshold().getAsDouble());
      svg.append(line(LEFT, ty, LEFT + plotW, ty, "#b42318", 1, "4 3"));
      svg.append(text(LEFT + plotW - 2, ty - 3, "Threshold " + format(m.threshold().getAsDouble()) + " " + m.unit(), "#b42318", "end"));
    }
    marker(svg, i.detected().map(t -> t.toInstant().toEpochMilli()), "Detected", "#b54708", x, plotW, TOP + plotH - 4);
    marker(svg, i.mitigated().map(t -> t.toInstant().toEpochMilli()), "Mitigated", "#1f5fa8", x, plotW, TOP + 20);
    List<String> coords = new ArrayList<>();
    for (MetricPoint p : pts) {
      coords.add(String.format(Locale.ROOT, "%.1f,%.1f", x.applyAsDouble(p.epochMilli()), y.applyAsDouble(p.value())));
    }
    svg.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.6\" points=\"").append(String.join(" ", coords)).append("\"/>");
    svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#5b6877", 0.8, null));
    svg.append("</svg>");
    return svg.toString();
  }

  private static void marker(StringBuilder svg, Optional<Long> at, String label, String color,
      java.util.function.LongToDoubleFunction x, double plotW, double labelY) {
    if (at.isEmpty()) return;
    double xx = x.applyAsDouble(at.get());
    if (xx < LEFT || xx > LEFT + plotW) return;
    svg.append(line(xx, TOP, xx, HEIGHT - BOTTOM, color, 1, "2 2"));
    boolean rightEdge = xx > LEFT + plotW - 50;
    svg.append(text(rightEdge ? xx - 2 : xx + 2, labelY, label, color, rightEdge ? "end" : "start"));
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}, for round axis labels. */
  static double niceCeiling(double v) {
    if (v <= 0) return 1;
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) return step * magnitude;
    }
    return 10 * magnitude;
  }

  private static String rect(double x, double y, double w, double h, String fill) {
    return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y, w, h, fill);
  }

  private static String line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
        x1, y1, x2, y2, stroke, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
  }

  private static String text(double x, double y, String s, String fill, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" text-anchor=\"%s\">%s</text>", x, y, fill, anchor, escape(s));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static String format(double v) {
    if (v == Math.rint(v)) return String.format(Locale.ENGLISH, "%,d", (long) v);
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
