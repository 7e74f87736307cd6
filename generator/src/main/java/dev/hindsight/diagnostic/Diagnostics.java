package dev.hindsight.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A collector of diagnostics that stages append to; safe to share between threads. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public synchronized void addAll(Collection<Diagnostic> more) {
    items.addAll(more);
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** All diagnostics so far, in report order. */
  public synchronized List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(Diagnostic.ORDER);
    return List.copyOf(copy);
  }
}
