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
 * so the cost grows linearly with the corpus.
 */
public final class CorpusChecks {
  public List<Diagnostic> check(List<ValidatedIncident> incidents) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, ValidatedIncident> byId = new HashMap<>();
    for (ValidatedIncident v : incidents) {
      ValidatedIncident first = byId.putIfAbsent(v.incident().id(), v);
      if (first != null) {
        Location firstAt = first.idLocation();
        out.add(Diagnostic.error(v.idLocation(), Code.HS301,
            "id `" + v.incident().id() + "` is already used by " + firstAt.file() + ":" + firstAt.line(),
            "ids come from the file name unless `id:` is set; give one of them another `id:` or file name"));
      }
    }
    for (ValidatedIncident v : incidents) {
      List<String> related = v.incident().related();
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
