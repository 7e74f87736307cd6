package dev.hindsight.validate;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DidYouMean;
import dev.hindsight.diagnostic.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules across incidents: ids are unique and {@code related} ids exist. One pass with a hash map,
 * so the cost grows linearly with the corpus. The rules read only each incident's {@link Ids},
 * which the validation cache can give back without reading the rest of an incident.
 */
public final class CorpusChecks {
  /** What the rules read of one incident: its id, its related ids, and where each of them stands. */
  public record Ids(String id, List<String> related, Location idLocation, List<Location> relatedLocations) {
    public Ids {
      java.util.Objects.requireNonNull(id);
      related = List.copyOf(related);
      java.util.Objects.requireNonNull(idLocation);
      relatedLocations = List.copyOf(relatedLocations);
      if (relatedLocations.size() != related.size()) throw new IllegalArgumentException("a location for each related id");
    }
  }

  public List<Diagnostic> check(List<Ids> incidents) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Ids> byId = new HashMap<>();
    for (Ids v : incidents) {
      Ids first = byId.putIfAbsent(v.id(), v);
      if (first != null) {
        Location firstAt = first.idLocation();
        out.add(Diagnostic.error(v.idLocation(), Code.HS301,
            "id `" + v.id() + "` is already used by " + firstAt.file() + ":" + firstAt.line(),
            "ids come from the file name unless `id:` is set; give one of them another `id:` or file name"));
      }
    }
    for (Ids v : incidents) {
      List<String> related = v.related();
      for (int k = 0; k < related.size(); k++) {
        String id = related.get(k);
        if (byId.containsKey(id)) continue;
        Location at = v.relatedLocations().get(k);
        out.add(Diagnostic.error(at, Code.HS302, "related incident `" + id + "` does not exist",
            DidYouMean.closest(id, byId.keySet()).map(c -> "did you mean `" + c + "`?")
                .orElse("use the id of another incident: its file or folder name without extension")));
      }
    }
    return out;
  }
}
