/**
 * PDF briefs: short executive summaries of one incident or one period, rendered with
 * OpenHTMLtoPDF from FreeMarker print templates, with charts drawn as SVG by the generator (no
 * JavaScript runs in a PDF). Takes incidents and the analysis; gives PDF bytes.
 */
package dev.hindsight.pdf;
