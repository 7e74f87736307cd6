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
    int narrativeLine) {
  public SourceDocument {
    Objects.requireNonNull(file);
    Objects.requireNonNull(folder);
    Objects.requireNonNull(data);
    Objects.requireNonNull(map);
    Objects.requireNonNull(narrative);
  }
}
