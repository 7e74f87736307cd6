package dev.hindsight.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/** A place in a source file: 1-based line and column, as editors show them. */
public record Location(Path file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  public static Location startOf(Path file) {
    return new Location(file, 1, 1);
  }

  /** The same file at another line and column. */
  public Location at(int newLine, int newColumn) {
    return new Location(file, newLine, newColumn);
  }
}
