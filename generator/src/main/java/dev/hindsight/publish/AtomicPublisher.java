package dev.hindsight.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishes a site so that readers and later builds only ever see a complete one. The site is
 * written into a staging folder beside the output ({@code .site-output.staging-*}) and swapped in
 * by two renames once complete; a failed or interrupted build leaves the previous output as it
 * was. The short moment between the two renames is covered by {@link #recover()}, which every
 * build runs first.
 *
 * <p>With a spare folder (in the cache), the site a build replaces is not deleted but kept there,
 * holding only its hard links into the page and brief caches, and the next build starts from it
 * instead of an empty folder: an unchanged page is then already in place, and neither its folder
 * nor its link is made again, nor the old one deleted. Creating and deleting the 10,000 folders
 * and links of a large site was a fifth of a rebuild after one edit, more where the file system
 * discards freed blocks as it goes. What the build did not place again is swept before the swap
 * ({@link #commit(Path, Set)}), so the published site is exactly what a build into an empty folder
 * makes.
 */
public final class AtomicPublisher {
  /** Written into the spare once it holds only links, so that a spare cut short while being emptied is never used. */
  static final String SPARE_READY = ".hindsight-spare";
  private final Path output;
  private final Path parent;
  private final String name;
  private final Optional<Path> spare;
  /** The staging folder that started from the spare, if one did. */
  private Path recycled;

  public AtomicPublisher(Path output) {
    this(output, Optional.empty());
  }

  /**
   * @param spare where the replaced site's links are kept for the next build to start from (in the
   *     cache; none: the replaced site is deleted)
   */
  public AtomicPublisher(Path output, Optional<Path> spare) {
    this.output = output.toAbsolutePath().normalize();
    this.parent = this.output.getParent();
    this.name = this.output.getFileName().toString();
    this.spare = spare.map(p -> p.toAbsolutePath().normalize());
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
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith("." + name + ".patch-")).sorted().toList()) {
        if (Files.isRegularFile(p.resolve(PATCH_READY), LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(output)) applyPatch(p);
        else deleteTree(p);
      }
    }
  }

  /** Written into a patch folder once it is complete: it lists the files the patch deletes, one per line. */
  static final String PATCH_READY = ".hindsight-patch";

  /**
   * A new, empty folder beside the output to write a patch into: a few files laid out as in the
   * site, which {@link #patch} puts over the published one.
   */
  public Path patchFolder() throws IOException {
    Files.createDirectories(parent);
    return Files.createTempDirectory(parent, "." + name + ".patch-");
  }

  /**
   * Puts the complete patch folder's files over the published site, each by a rename that replaces
   * the file of the same name whole (a reader sees the old file or the new one, never part of
   * one), and deletes {@code removed} (paths relative to the output). The patch is marked complete
   * before the first rename, so that one cut short is finished by the next build's {@link
   * #recover()}. For a rebuild that changes a handful of files out of thousands: a full {@link
   * #commit} walks the whole site twice.
   */
  public void patch(Path patch, List<String> removed) throws IOException {
    for (String r : removed) {
      Path target = output.resolve(r).normalize();
      if (!target.startsWith(output) || target.equals(output) || r.contains("\n")) throw new IllegalArgumentException("not a file of the site: " + r);
    }
    Path ready = patch.resolve(PATCH_READY + ".new");
    Files.write(ready, removed.stream().map(r -> r + "\n").collect(java.util.stream.Collectors.joining()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    move(ready, patch.resolve(PATCH_READY));
    applyPatch(patch);
  }

  /** Moves a complete patch's files into the output, deletes what it lists, then the patch folder. */
  private void applyPatch(Path patch) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(patch)) {
      Path list = patch.resolve(PATCH_READY);
      files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.equals(list)).toList();
    }
    for (Path file : files) {
      Path target = output.resolve(patch.relativize(file).toString());
      Files.createDirectories(target.getParent());
      move(file, target);
    }
    for (String line : Files.readAllLines(patch.resolve(PATCH_READY), java.nio.charset.StandardCharsets.UTF_8)) {
      if (line.isEmpty()) continue;
      Path gone = output.resolve(line).normalize();
      if (!gone.startsWith(output) || gone.equals(output)) continue;
      Files.deleteIfExists(gone);
      // folders the deletion leaves empty go too, as a build into an empty folder would not make them
      for (Path dir = gone.getParent(); dir != null && dir.startsWith(output) && !dir.equals(output); dir = dir.getParent()) {
        try (Stream<Path> left = Files.list(dir)) {
          if (left.findAny().isPresent()) break;
        } catch (java.nio.file.NoSuchFileException e) {
          continue;
        }
        Files.delete(dir);
      }
    }
    deleteTree(patch);
  }

  /**
   * The staging folder to render into: the spare, when there is a complete one on this file system,
   * holding the links of the site the last build replaced (every one of them may be replaced, kept
   * or swept); else a new, empty folder.
   */
  public Path stage() throws IOException {
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
    if (spare.isEmpty() || !Files.exists(spare.get(), LinkOption.NOFOLLOW_LINKS)) return staging;
    try {
      if (!Files.isRegularFile(spare.get().resolve(SPARE_READY), LinkOption.NOFOLLOW_LINKS)) throw new IOException("the spare is incomplete");
      Files.delete(staging);
      Files.move(spare.get(), staging, StandardCopyOption.ATOMIC_MOVE);
      Files.delete(staging.resolve(SPARE_READY));
      recycled = staging;
    } catch (IOException e) {
      // Another file system, or a spare cut short: start empty, as without one.
      Files.createDirectories(staging);
      deleteTree(spare.get());
    }
    return staging;
  }

  /** Swaps the complete staging folder in as the output; the old output is removed afterwards. */
  public void commit(Path staging) throws IOException {
    commit(staging, Set.of());
  }

  /**
   * Swaps the complete staging folder in as the output. When the staging folder started from the
   * spare, the links left in it that this build did not place again ({@code placed}: the pages and
   * briefs the caches put in place) are swept first. The old output becomes the next spare, or
   * is removed.
   */
  public void commit(Path staging, Set<Path> placed) throws IOException {
    if (staging.equals(recycled)) prune(staging, placed, false);
    Path previous = parent.resolve("." + name + ".previous");
    if (Files.exists(previous)) deleteTree(previous);
    boolean hadOutput = Files.exists(output);
    if (hadOutput) move(output, previous);
    move(staging, output);
    if (hadOutput) keepOrDelete(previous);
  }

  /** The replaced site, emptied of everything but its hard links, as the spare; or deleted. */
  private void keepOrDelete(Path previous) throws IOException {
    if (spare.isEmpty()) {
      deleteTree(previous);
      return;
    }
    try {
      deleteTree(spare.get());
      Files.createDirectories(spare.get().getParent());
      Files.move(previous, spare.get(), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteTree(previous);
      return;
    }
    // The new site is published by now: a spare that cannot be emptied is given up, not reported as a failed build.
    try {
      prune(spare.get(), Set.of(), true);
      Files.writeString(spare.get().resolve(SPARE_READY), "The site the last build replaced, its page links kept for the next build.\n");
    } catch (IOException | UncheckedIOException e) {
      try {
        deleteTree(spare.get());
      } catch (IOException | UncheckedIOException ignored) {
        // without its mark the next build does not use it, and deletes it
      }
    }
  }

  /**
   * Walks {@code root}: deletes every file that is not a hard link (when {@code unlinked}) and every
   * link that is not in {@code keep}, then the folders this leaves empty (never {@code root}).
   * Anything that is neither a file nor a folder (a symbolic link) is deleted, never followed. A
   * folder with many entries (the incidents of a large site) is walked on every core, as in {@link
   * #deleteTree}: the two walks of a rebuild (the staging folder, then the new spare) each stat and
   * count the links of every page of the site.
   */
  private static void prune(Path root, Set<Path> keep, boolean unlinked) throws IOException {
    try {
      pruneFolder(root, keep, unlinked, true);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Prunes a folder's entries; whether anything in it stays (a folder where nothing stays is deleted, unless it is the root). */
  private static boolean pruneFolder(Path dir, Set<Path> keep, boolean unlinked, boolean root) throws IOException {
    // Every entry is visited (no short cut once one stays): reduce, not anyMatch.
    boolean held = entries(dir).map(child -> pruneEntry(child, keep, unlinked)).reduce(false, Boolean::logicalOr);
    if (!held && !root) Files.delete(dir);
    return held;
  }

  private static boolean pruneEntry(Path path, Set<Path> keep, boolean unlinked) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) return pruneFolder(path, keep, unlinked, false);
      boolean stays;
      if (!attrs.isRegularFile()) stays = false;
      else if (keep.contains(path)) stays = true;
      else stays = unlinked ? links(path) > 1 : links(path) == 1;
      if (!stays) Files.delete(path);
      return stays;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many names the file has: more than one for a page or brief linked to its cache entry. */
  private static int links(Path file) throws IOException {
    return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
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
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) entries(path).forEach(AtomicPublisher::delete);
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder's entries, listed first and then streamed: in parallel from {@link #PARALLEL_FROM} entries on. */
  private static Stream<Path> entries(Path dir) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.toList();
    }
    return children.size() >= PARALLEL_FROM ? children.parallelStream() : children.stream();
  }

  /** Folders with at least this many entries are emptied and pruned in parallel. */
  private static final int PARALLEL_FROM = 64;
}
