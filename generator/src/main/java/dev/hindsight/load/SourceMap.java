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
  private final Map<NodePath, Location> keys;
  private final Map<NodePath, Location> values;

  public SourceMap(Path file) {
    this(file, 16);
  }

  /** A map sized for a text of about {@code lines} lines (about a key and a value each), so that it is not grown as it fills. */
  SourceMap(Path file, int lines) {
    this.file = file;
    this.keys = new HashMap<>(Math.max(16, lines * 4 / 3));
    this.values = new HashMap<>(Math.max(16, lines * 4 / 3));
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

  /**
   * The samples read by {@link SampleLines} at {@code path}, whose first line in the file is
   * {@code firstLine}: their locations are worked out when asked for, not kept (three for each of
   * a million samples at 10,000 incidents).
   */
  void putSamples(NodePath path, SampleLines.Block block, int firstLine) {
    if (samples.isEmpty()) samples = new HashMap<>();
    samples.put(path, new Samples(block, firstLine));
  }

  private record Samples(SampleLines.Block block, int firstLine) {}

  private Map<NodePath, Samples> samples = Map.of();

  /** Where the value at {@code path} starts (or its key, or the nearest ancestor). */
  public Location value(NodePath path) {
    for (NodePath p = path; ; p = p.parent()) {
      Location at = values.get(p);
      if (at == null) at = keys.get(p);
      if (at == null && !samples.isEmpty()) at = sample(p);
      if (at != null) return at;
      if (p.isRoot()) return Location.startOf(file);
    }
  }

  /** The location of a sample ({@code points[i]}) or of its time or value ({@code points[i][0]}, {@code [1]}), or null. */
  private Location sample(NodePath p) {
    int index = p.lastIndex();
    if (index < 0 || p.isRoot()) return null;
    NodePath parent = p.parent();
    Samples s = samples.get(parent);
    if (s != null) return index < s.block().times().length ? s.block().sampleAt(file, s.firstLine(), index, -1) : null;
    int sample = parent.lastIndex();
    if (sample < 0 || index > 1 || parent.isRoot()) return null;
    s = samples.get(parent.parent());
    return s != null && sample < s.block().times().length ? s.block().sampleAt(file, s.firstLine(), sample, index) : null;
  }

  /** Where the key of the field at {@code path} is (or its value, or the nearest ancestor). */
  public Location key(NodePath path) {
    Location at = keys.get(path);
    return at != null ? at : value(path);
  }
}
