package dev.hindsight.diagnostic;

import java.io.PrintStream;

/**
 * Wall time per build stage, printed to standard error when the JVM runs with
 * {@code -Dhindsight.timings=true} (for the benchmark and for profiling; see bench/README.md).
 */
public final class StageTimer {
  private static final boolean ON = Boolean.getBoolean("hindsight.timings");
  private static final PrintStream OUT = System.err;
  private long last = System.nanoTime();

  /** Whether timings are printed at all. */
  public static boolean enabled() {
    return ON;
  }

  /** Prints how long one task (of many, perhaps on another thread) took, from {@code startNanos}. */
  public static void task(String name, long startNanos) {
    if (ON) OUT.printf("timing:     task %-23s %7d ms%n", name, (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Prints how long the stage that just ended took, and starts timing the next one. */
  public void lap(String stage) {
    long now = System.nanoTime();
    if (ON) OUT.printf("timing: %-28s %7d ms%n", stage, (now - last) / 1_000_000);
    last = now;
  }
}
