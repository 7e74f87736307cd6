package dev.hindsight.cli;

import java.io.PrintWriter;

/**
 * One line that says what a long build is doing, rewritten in place on a terminal and never
 * printed otherwise (pipes, CI logs, --quiet). It uses no colour, so NO_COLOR needs nothing more.
 */
final class ProgressLine {
  private final PrintWriter out;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private int width;

  ProgressLine(PrintWriter out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  void show(String stage) {
    if (!enabled) return;
    String text = String.format("hindsight: %s… (%.1f s)", stage, (System.nanoTime() - start) / 1e9);
    out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
    out.flush();
    width = text.length();
  }

  void clear() {
    if (!enabled || width == 0) return;
    out.print("\r" + " ".repeat(width) + "\r");
    out.flush();
  }
}
