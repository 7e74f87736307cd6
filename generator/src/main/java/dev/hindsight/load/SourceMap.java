package dev.hindsight.load;

import dev.hindsight.diagnostic.Location;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a parsed document stands in its file: the location of a field's key and of
 * its value. Lookups of a path that is not there fall back to the nearest ancestor, so a missing
 * field is reported at the object that should hold it.
 */
public final class SourceMap {
  private final Path file;
  private final Map<NodePath, Location> keys = new HashMap<>();
  private final Map<NodePath, Location> values = new HashMap<>();

  public SourceMap(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  void putKey(NodePath path, Location at) {
    keys.put(path, at);
  }

  void putValue(NodePath path, Location at) {
    values.putIfAbsent(path, at);
  }

  /** Where the value at {@code path} starts (or its key, or the nearest ancestor). */
  public Location value(NodePath path) {
    for (NodePath p = path; ; p = p.parent()) {
      Location at = values.get(p);
      if (at == null) at = keys.get(p);
      if (at != null) return at;
      if (p.isRoot()) return Location.startOf(file);
    }
  }

  /** Where the key of the field at {@code path} is (or its value, or the nearest ancestor). */
  public Location key(NodePath path) {
    Location at = keys.get(path);
    return at != null ? at : value(path);
  }
}
