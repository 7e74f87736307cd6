package dev.hindsight.pdf;

import java.util.Locale;
import java.util.Map;

/** A small SVG bar chart for print: one bar per label, the value above it. */
final class SvgBars {
  private static final int WIDTH = 520;
  private static final int HEIGHT = 150;
  private static final int TOP = 16;
  private static final int BOTTOM = 22;

  private SvgBars() {}

  static String of(Map<String, Double> values, String unit, String title) {
    double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double top = SvgChart.niceCeiling(Math.max(max, 1));
    double slot = (WIDTH - 20.0) / Math.max(1, values.size());
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans\" font-size=\"8\">",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"10\" fill=\"#5b6877\">%s (%s)</text>", SvgChart.escape(title), SvgChart.escape(unit)));
    double plotH = HEIGHT - TOP - BOTTOM;
    int k = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double h = e.getValue() / top * plotH;
      double x = 10 + k * slot + slot * 0.2;
      double w = slot * 0.6;
      double y = TOP + plotH - h;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f5fa8\"/>", x, y, w, Math.max(h, 0.5)));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1d2733\" text-anchor=\"middle\">%s</text>", x + w / 2, y - 3,
          e.getValue() > 0 ? SvgChart.format(Math.round(e.getValue())) : "–"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#5b6877\" text-anchor=\"middle\">%s</text>", x + w / 2, HEIGHT - 8,
          SvgChart.escape(e.getKey())));
      k++;
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"10\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#5b6877\" stroke-width=\"0.8\"/>", TOP + plotH,
        WIDTH - 10, TOP + plotH));
    return svg.append("</svg>").toString();
  }
}
