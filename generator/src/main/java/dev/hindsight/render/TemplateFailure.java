package dev.hindsight.render;

import dev.hindsight.diagnostic.Diagnostic;

/** A template that could not be rendered, with the diagnostic that points into the template. */
public final class TemplateFailure extends RuntimeException {
  private final Diagnostic diagnostic;

  public TemplateFailure(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic.message(), cause);
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
