package dev.hindsight.validate;

import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.NodePath;
import dev.hindsight.load.SourceDocument;
import dev.hindsight.model.Incident;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An incident with the few source locations the checks across incidents report at: where its id
 * comes from and where each {@code related} entry stands. The parsed document itself is let go
 * after the file's own checks, so that memory does not grow with every YAML tree of the corpus.
 */
public record ValidatedIncident(Incident incident, Location idLocation, List<Location> relatedLocations) {
  public ValidatedIncident {
    relatedLocations = List.copyOf(relatedLocations);
  }

  /** What the checks across incidents read of it. */
  public CorpusChecks.Ids ids() {
    return new CorpusChecks.Ids(incident.id(), incident.related(), idLocation, relatedLocations);
  }

  static ValidatedIncident of(Incident incident, SourceDocument doc) {
    Location id = doc.data().has("id") ? doc.map().value(NodePath.ROOT.field("id")) : Location.startOf(doc.file());
    List<Location> related = IntStream.range(0, incident.related().size())
        .mapToObj(k -> doc.map().value(NodePath.ROOT.field("related").index(k))).toList();
    return new ValidatedIncident(incident, id, related);
  }
}
