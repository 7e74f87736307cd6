package dev.hindsight.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes a site so that readers and later builds only ever see a complete one. The site is
 * written into a staging folder beside the output ({@code .site-output.staging-*}) and swapped in
 * by two renames once complete; a failed or interrupted build leaves the previous output as it
 * was. The short moment between the two renames is covered by {@link #recover()}, which every
 * build runs first.
 */
public final class AtomicPublisher {
  private final Path output;
  private final Path parent;
  private final String name;

  public AtomicPublisher(Path output) {
    this.output = output.toAbsolutePath().normalize();
    this.parent = this.output.getParent();
    this.name = this.output.getFileName().toString();
  }

  /**
   * Restores the previous output if a swap was cut short, and removes staging folders that
   * interrupted builds left behind.
   */
  public void recover() throws IOException {
    Path previous = parent.resolve("." + name + ".previous");
    if (Files.isDirectory(previous)) {
      if (!Files.exists(output)) {
        Files.move(previous, output);
      } else {
        deleteTree(previous);
      }
    }
    if (!Files.isDirectory(parent)) return;
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith("." + name + ".staging-")).toList()) {
        deleteTree(p);
      }
    }
  }

  /** A new, empty staging folder to render into. */
  public Path stage() throws IOException {
    Files.createDirectories(parent);
    return Files.createTempDirectory(parent, "." + name + ".staging-");
  }

  /** Swaps the complete staging folder in as the output; the old output is removed afterwards. */
  public void commit(Path staging) throws IOException {
    Path previous = parent.resolve("." + name + ".previous");
    if (Files.exists(previous)) deleteTree(previous);
    boolean hadOutput = Files.exists(output);
    if (hadOutput) move(output, previous);
    move(staging, output);
    if (hadOutput) deleteTree(previous);
  }

  /** Throws the staging folder away; the output is untouched. */
  public void abort(Path staging) {
    try {
      deleteTree(staging);
    } catch (IOException ignored) {
      // recover() removes it at the next build
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /**
   * Deletes a folder and everything below it; links are deleted, never followed. A folder with
   * many entries (the incidents of a large site) is emptied on every core: deleting is mostly
   * waiting on the file system, and a rebuild of 10,000 incidents spent a seventh of its time here.
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
    try {
      delete(root);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path path) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        List<Path> children;
        try (Stream<Path> list = Files.list(path)) {
          children = list.toList();
        }
        (children.size() >= PARALLEL_FROM ? children.parallelStream() : children.stream()).forEach(AtomicPublisher::delete);
      }
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Folders with at least this many entries are emptied in parallel. */
  private static final int PARALLEL_FROM = 64;
}
