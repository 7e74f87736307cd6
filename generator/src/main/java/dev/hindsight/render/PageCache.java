package dev.hindsight.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Rendered pages kept by a hash of everything that makes them: the templates' sources, the
 * generator's version and the page's complete view data. A page whose hash was seen before is
 * linked or copied instead of rendered, so an incremental build writes exactly what a clean build
 * would. Entries no build used are pruned at the end, which keeps the cache the size of one site.
 *
 * <p>Where the file system allows, an entry is a hard link to the page the build wrote, and a
 * reused page is a hard link to the entry: no page is written twice or copied, and the cache takes
 * no room of its own beside the site. Because a published page and its entry are then the same
 * file, an entry is used only while its size and modification time are those it had when this
 * cache kept it (recorded in {@value #STAMPS}); a page edited in place in the published site is
 * rendered again, never spread. Across file systems (a cache beside the input, the output
 * elsewhere) entries are copies.
 *
 * <p>The PDF briefs are kept the same way, in a cache of their own ({@code .pdf} files, keyed by
 * {@link dev.hindsight.pdf.PdfWriter}).
 */
public final class PageCache {
  /** The stamps of the entries the last build kept: key, size, modification time in nanoseconds. */
  static final String STAMPS = "entries.tsv";
  private final Optional<Path> dir;
  /** The fingerprint's SHA-256 (templates, code, configuration): each key is a hash of it, the template's name and the page's inputs. */
  private final byte[] fingerprint;
  /** The entries as the last build left them. */
  private final Map<String, Stamp> recorded;
  /** The entries this build used or wrote, as they are now. */
  private final Map<String, Stamp> kept = new ConcurrentHashMap<>();
  private final AtomicInteger links = new AtomicInteger();
  private volatile boolean dirReady;
  final AtomicInteger rendered = new AtomicInteger();
  final AtomicInteger reused = new AtomicInteger();

  /** The files this cache put in place, or found in place, in this build's output. */
  private final java.util.Set<Path> placed = ConcurrentHashMap.newKeySet();

  /** What identifies an entry's content without reading it: its size and modification time. */
  private record Stamp(long size, long modified) {
    static Stamp of(Path file) throws IOException {
      return of(attributes(file));
    }

    static Stamp of(BasicFileAttributes a) {
      return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) throw new IOException(file + " is not a regular file");
    return a;
  }

  /** The extension of the kept files: {@code .html} for pages, {@code .pdf} for briefs. */
  private final String extension;

  PageCache(Optional<Path> dir, String fingerprint) {
    this(dir, fingerprint, ".html");
  }

  /**
   * A cache of generated files of one kind in {@code dir} (none: nothing is kept), whose keys all
   * start from {@code fingerprint}.
   */
  public PageCache(Optional<Path> dir, String fingerprint, String extension) {
    this.extension = extension;
    this.dir = dir;
    this.fingerprint = dev.hindsight.model.Digests.sha256().digest(fingerprint.getBytes(StandardCharsets.UTF_8));
    recorded = dir.map(PageCache::readStamps).orElse(Map.of());
  }

  /** Whether pages are kept at all; without a folder no key is worth computing. */
  public boolean enabled() {
    return dir.isPresent();
  }

  /**
   * The key of a file made with {@code template} from {@code view} (and this cache's fingerprint):
   * from the view's {@link KeyText}, or from the text itself when it is one already (a page's inputs).
   */
  public String key(String template, Object view) {
    byte[] name = template.getBytes(StandardCharsets.UTF_8);
    byte[] text = (view instanceof String s ? s : KeyText.of(view)).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[fingerprint.length + name.length + 1 + text.length];
    System.arraycopy(fingerprint, 0, all, 0, fingerprint.length);
    System.arraycopy(name, 0, all, fingerprint.length, name.length);
    System.arraycopy(text, 0, all, fingerprint.length + name.length + 1, text.length);
    return dev.hindsight.model.Digests.murmur128Hex(all);
  }

  /** The digest of a text that stands in for it within a page's key (an index row, an open action). */
  static String digest(String text) {
    return dev.hindsight.model.Digests.murmur128Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Puts the page kept under {@code key} at {@code target}, as a hard link or else a copy; false
   * when there is none, or when it is no longer as this cache left it. The target may hold a file
   * already (an output folder that started from the last site: {@link
   * dev.hindsight.publish.AtomicPublisher}): when that is this very entry it stays, else it is
   * replaced.
   */
  public boolean copyTo(String key, Path target) {
    if (dir.isEmpty()) return false;
    Stamp was = recorded.get(key);
    if (was == null) return false;
    Path entry = entry(key);
    try {
      BasicFileAttributes a = attributes(entry);
      if (!was.equals(Stamp.of(a))) return false;
      if (!isAlready(target, a)) place(entry, target);
      kept.put(key, was);
      placed.add(target);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code target} is the entry whose attributes are {@code entry}; a different file there is deleted. */
  private static boolean isAlready(Path target, BasicFileAttributes entry) throws IOException {
    BasicFileAttributes there;
    try {
      there = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
    if (entry.fileKey() != null && entry.fileKey().equals(there.fileKey())) return true;
    Files.delete(target);
    return false;
  }

  /** Every file this cache put, or found, in place in this build's output: what a recycled output folder keeps. */
  public java.util.Set<Path> placed() {
    return java.util.Collections.unmodifiableSet(placed);
  }

  /**
   * Writes {@code bytes} as a new file at {@code target} and keeps it under {@code key} (none:
   * nothing is kept). A file already there is replaced, never written through: in an output folder
   * that started from the last site it may be a link to an entry, and to the published page.
   */
  public void write(String key, Path target, byte[] bytes) throws IOException {
    Files.deleteIfExists(target);
    Files.write(target, bytes);
    if (key == null) return;
    try {
      put(key, target);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Keeps the page just written to {@code written} under {@code key}. */
  public void put(String key, Path written) {
    if (dir.isEmpty()) return;
    try {
      if (!dirReady) {
        Files.createDirectories(dir.get());
        dirReady = true;
      }
      Path entry = entry(key);
      Path tmp = dir.get().resolve(key + ".new-" + links.incrementAndGet());
      place(written, tmp);
      Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      kept.put(key, Stamp.of(entry));
      placed.add(written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the entries this build did not use (and leftovers of a killed build), and records the stamps of the rest. */
  public void prune() {
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) return;
    try (Stream<Path> files = Files.list(dir.get())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals(STAMPS)) continue;
        if (!name.endsWith(extension) || !kept.containsKey(name.substring(0, name.length() - extension.length()))) Files.deleteIfExists(f);
      }
      StringBuilder tsv = new StringBuilder(kept.size() * 96);
      new TreeMap<>(kept).forEach((key, s) -> tsv.append(key).append('\t').append(s.size()).append('\t').append(s.modified()).append('\n'));
      Path tmp = dir.get().resolve(STAMPS + ".new");
      Files.writeString(tmp, tsv);
      Files.move(tmp, dir.get().resolve(STAMPS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path entry(String key) {
    return dir.orElseThrow().resolve(key + extension);
  }

  /** A hard link at {@code target} to {@code file}, or a copy where the file system has none. */
  private static void place(Path file, Path target) throws IOException {
    try {
      Files.createLink(target, file);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The stamps file as the last build wrote it; none (every entry unused) when it is missing or damaged. */
  private static Map<String, Stamp> readStamps(Path dir) {
    Map<String, Stamp> stamps = new HashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve(STAMPS), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (f.length != 3) return Map.of();
        stamps.put(f[0], new Stamp(Long.parseLong(f[1]), Long.parseLong(f[2])));
      }
    } catch (IOException | NumberFormatException e) {
      return Map.of();
    }
    return stamps;
  }
}
