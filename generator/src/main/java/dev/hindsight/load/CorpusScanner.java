package dev.hindsight.load;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the incident files below an input folder, in a stable order: {@code *.md}, {@code *.yaml}
 * and {@code *.yml} files, and folders holding an {@code index.md} (or {@code index.yaml}), whose
 * other files are the incident's data. README files, hidden folders and a {@code templates/}
 * folder are skipped.
 */
public final class CorpusScanner {
  private static final List<String> INDEX_NAMES = List.of("index.md", "index.yaml", "index.yml");

  public List<Path> scan(Path inputRoot) {
    return scan(inputRoot, new ArrayList<>());
  }

  /**
   * As {@link #scan(Path)}, reporting into {@code problems} the symbolic links that lead out of the
   * input folder (they are not followed). Links that stay inside are skipped: what they point at
   * is found through its own path, once.
   */
  public List<Path> scan(Path inputRoot, List<Diagnostic> problems) {
    List<Path> found = new ArrayList<>();
    walk(inputRoot, inputRoot, found, problems);
    found.sort(Path::compareTo);
    return List.copyOf(found);
  }

  private void walk(Path root, Path dir, List<Path> found, List<Diagnostic> problems) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir, e);
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (name.startsWith(".") || name.startsWith("_")) continue;
      // One lstat tells a link from a folder or a file (two looks were a tenth of the scan).
      boolean link = false;
      boolean folder = false;
      try {
        java.nio.file.attribute.BasicFileAttributes attributes =
            Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        link = attributes.isSymbolicLink();
        folder = attributes.isDirectory();
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // deleted since the folder was listed
      } catch (IOException e) {
        // taken as a file: reading it reports the problem, with its path
      }
      if (link) {
        if (!Confinement.within(entry, root) && (Files.isDirectory(entry) || isIncidentFile(lower))) {
          problems.add(Diagnostic.error(Location.startOf(entry), Code.HS402,
              "`" + root.relativize(entry) + "` is a symbolic link to " + Confinement.target(entry) + ", outside the input folder; it is not read",
              "copy the " + (Files.isDirectory(entry) ? "folder" : "file") + " into " + root + " instead of linking to it, so the build only publishes what is in the repository"));
        }
        continue;
      }
      if (folder) {
        if (dir.equals(root) && lower.equals("templates")) continue;
        Path index = INDEX_NAMES.stream().map(entry::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        if (index != null) {
          found.add(index);
        } else {
          walk(root, entry, found, problems);
        }
      } else if (isIncidentFile(lower)) {
        found.add(entry);
      }
    }
  }

  private static boolean isIncidentFile(String lowerName) {
    if (lowerName.startsWith("readme")) return false;
    return lowerName.endsWith(".md") || lowerName.endsWith(".yaml") || lowerName.endsWith(".yml");
  }
}
