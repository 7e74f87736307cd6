package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Two readings of one YAML text are the same: tree, problems, and where every key and value is. */
final class SameReading {
  private SameReading() {}

  static void assertSame(String what, YamlTreeReader.Result quick, YamlTreeReader.Result slow) {
    assertThat(quick.diagnostics()).as(what).isEqualTo(slow.diagnostics());
    assertThat(quick.tree()).as(what).isEqualTo(slow.tree());
    if (slow.tree() == null) return;
    List<NodePath> paths = new ArrayList<>();
    paths(slow.tree(), NodePath.ROOT, paths);
    for (NodePath p : paths) {
      assertThat(quick.map().value(p)).as("%s: where %s is", what, p).isEqualTo(slow.map().value(p));
      assertThat(quick.map().key(p)).as("%s: where the key of %s is", what, p).isEqualTo(slow.map().key(p));
    }
  }

  private static void paths(JsonNode node, NodePath at, List<NodePath> out) {
    out.add(at);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        paths(e.getValue(), at.field(e.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) paths(node.get(i), at.index(i), out);
    }
  }
}
