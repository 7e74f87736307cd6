/**
 * Render: turns incidents and their analysis into the static site (FreeMarker templates fed with
 * typed view records, Markdown through flexmark and an allowlist sanitiser) and the JSON data
 * exports. Takes validated incidents and the analysis; writes into a folder it is given.
 */
package dev.hindsight.render;
