package dev.hindsight.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
