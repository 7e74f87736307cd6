package dev.hindsight.load;

import java.util.List;

/**
 * A path to a value inside a YAML document, such as {@code actions[2].owner}: the key both the
 * source map and the diagnostics use. Elements are field names (String) or indexes (Integer).
 *
 * <p>Immutable, and made for every node of every file (a million at 10,000 incidents): each path
 * is its parent and one more element, with its hash computed once, so that a child costs one small
 * object and a map lookup never walks a list.
 */
public final class NodePath {
  public static final NodePath ROOT = new NodePath(null, null);
  private final NodePath parent;
  private final Object last;
  private final int size;
  private final int hash;

  private NodePath(NodePath parent, Object last) {
    this.parent = parent;
    this.last = last;
    this.size = parent == null ? 0 : parent.size + 1;
    this.hash = parent == null ? 1 : 31 * parent.hash + last.hashCode();
  }

  public NodePath field(String name) {
    return new NodePath(this, java.util.Objects.requireNonNull(name));
  }

  public NodePath index(int i) {
    return new NodePath(this, i);
  }

  public NodePath parent() {
    return parent == null ? this : parent;
  }

  public boolean isRoot() {
    return size == 0;
  }

  /** The field names and indexes from the root down. */
  public List<Object> elements() {
    Object[] out = new Object[size];
    for (NodePath p = this; p.size > 0; p = p.parent) out[p.size - 1] = p.last;
    return List.of(out);
  }

  /** The index this path ends with, or -1 when it ends with a field name (or is the root). */
  int lastIndex() {
    return last instanceof Integer i ? i : -1;
  }

  /** The last field name on the path, or "" at the root. */
  public String lastField() {
    for (NodePath p = this; p.size > 0; p = p.parent) {
      if (p.last instanceof String s) return s;
    }
    return "";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NodePath other) || other.size != size || other.hash != hash) return false;
    for (NodePath a = this, b = other; a != b; a = a.parent, b = b.parent) {
      if (!a.last.equals(b.last)) return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Readable form, as authors would name it: {@code actions[2].owner}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object e : elements()) {
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
