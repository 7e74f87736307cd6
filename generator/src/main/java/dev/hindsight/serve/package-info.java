/**
 * Serve: a local preview for authors. Builds the site (drafts included, no PDFs) into a private
 * folder, serves it on loopback, rebuilds when an input, template or the configuration changes,
 * and makes open pages reload; validation problems show in the terminal and as a banner.
 */
package dev.hindsight.serve;
