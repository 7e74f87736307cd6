package dev.hindsight.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One incident file as read from disk: its structured data with positions, and its Markdown
 * narrative (from after the front matter, or from the {@code narrative} field of a .yaml file).
 *
 * @param file the incident file ({@code x.md}, {@code x.yaml} or {@code x/index.md})
 * @param folder the folder whose files the incident may reference (its own folder for
 *     {@code index.md}, otherwise the folder the file is in)
 * @param relativePath the file's path relative to the input folder, with forward slashes
 * @param defaultId the id taken from the file or folder name
 * @param data the front matter as a tree (an object)
 * @param narrative the Markdown narrative, possibly empty
 * @param narrativeLine the line of the file on which the narrative starts
 * @param lines the file's text and its lines, for checks that read the prose itself
 * @param frontMatterEnd the last line of the YAML (the line before the closing {@code ---}, or
 *     the last line of a .yaml file)
 * @param referencedFiles the names of files in {@code folder} that checks of this document looked
 *     at (metric CSVs, evidence), filled in as they run: what a cached result depends on
 */
public record SourceDocument(
    Path file,
    Path folder,
    String relativePath,
    boolean ownFolder,
    String defaultId,
    JsonNode data,
    SourceMap map,
    String narrative,
    int narrativeLine,
    TextLines lines,
    int frontMatterEnd,
    java.util.Set<String> referencedFiles) {
  public SourceDocument {
    Objects.requireNonNull(file);
    Objects.requireNonNull(folder);
    Objects.requireNonNull(data);
    Objects.requireNonNull(map);
    Objects.requireNonNull(narrative);
    Objects.requireNonNull(lines);
    Objects.requireNonNull(referencedFiles);
  }

  /** A document whose checks have looked at no other file yet. */
  public SourceDocument(Path file, Path folder, String relativePath, boolean ownFolder, String defaultId, JsonNode data, SourceMap map,
      String narrative, int narrativeLine, TextLines lines, int frontMatterEnd) {
    this(file, folder, relativePath, ownFolder, defaultId, data, map, narrative, narrativeLine, lines, frontMatterEnd,
        java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>()));
  }

  /** Whether the narrative follows the front matter (a .md file) rather than a YAML field. */
  public boolean markdownFile() {
    return file.getFileName().toString().endsWith(".md");
  }
}
