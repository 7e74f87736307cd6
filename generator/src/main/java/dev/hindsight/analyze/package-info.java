/**
 * Analyse: corpus-wide figures computed once from the validated incidents and shared by the
 * site, the briefs and the JSON exports. Takes the incidents, the site configuration and an
 * "as of" date; gives one immutable {@link dev.hindsight.analyze.Analysis}. Pure functions: no
 * I/O, no clock; every pass over the corpus is linear or n log n.
 */
package dev.hindsight.analyze;
