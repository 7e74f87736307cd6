package dev.hindsight.diagnostic;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the input, with where it is, what is wrong and how to fix it.
 *
 * @param hint how to fix it, or empty when the message says it all
 */
public record Diagnostic(Location location, Level level, Code code, String message, Optional<String> hint) {

  /** Reports order: by file, then line, then column, then code. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.location().file().toString())
          .thenComparingInt(d -> d.location().line())
          .thenComparingInt(d -> d.location().column())
          .thenComparing(Diagnostic::code);

  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  public static Diagnostic error(Location at, Code code, String message, String hint) {
    return new Diagnostic(at, Level.ERROR, code, message, Optional.ofNullable(hint));
  }

  public static Diagnostic warning(Location at, Code code, String message, String hint) {
    return new Diagnostic(at, Level.WARNING, code, message, Optional.ofNullable(hint));
  }

  public boolean isError() {
    return level == Level.ERROR;
  }
}
