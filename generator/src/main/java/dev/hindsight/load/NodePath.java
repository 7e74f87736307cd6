package dev.hindsight.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A path to a value inside a YAML document, such as {@code actions[2].owner}: the key both the
 * source map and the diagnostics use. Elements are field names (String) or indexes (Integer).
 */
public record NodePath(List<Object> elements) {
  public static final NodePath ROOT = new NodePath(List.of());

  public NodePath {
    elements = List.copyOf(elements);
  }

  public NodePath field(String name) {
    List<Object> next = new ArrayList<>(elements);
    next.add(name);
    return new NodePath(next);
  }

  public NodePath index(int i) {
    List<Object> next = new ArrayList<>(elements);
    next.add(i);
    return new NodePath(next);
  }

  public NodePath parent() {
    return elements.isEmpty() ? this : new NodePath(elements.subList(0, elements.size() - 1));
  }

  public boolean isRoot() {
    return elements.isEmpty();
  }

  /** The last field name on the path, or "" at the root. */
  public String lastField() {
    for (int i = elements.size() - 1; i >= 0; i--) {
      if (elements.get(i) instanceof String s) return s;
    }
    return "";
  }

  /** Readable form, as authors would name it: {@code actions[2].owner}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object e : elements) {
      if (e instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) sb.append('.');
        sb.append(e);
      }
    }
    return sb.length() == 0 ? "(document)" : sb.toString();
  }
}
