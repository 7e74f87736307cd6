/**
 * Load: finds the incident files below the input folder and reads them into YAML trees that know
 * the line and column of every key and value ({@link dev.hindsight.load.SourceDocument}), then
 * into model records ({@link dev.hindsight.load.IncidentReader}), reading metric CSV files on the
 * way. Takes paths; gives documents, incidents and diagnostics about unreadable input.
 */
package dev.hindsight.load;
