package dev.hindsight.validate;

import dev.hindsight.load.SourceDocument;
import dev.hindsight.model.Incident;

/** An incident together with the document it was read from, for located diagnostics. */
public record ValidatedIncident(Incident incident, SourceDocument document) {}
