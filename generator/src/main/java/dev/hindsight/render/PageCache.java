package dev.hindsight.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Rendered pages kept by a hash of everything that makes them: the templates' sources, the
 * generator's version and the page's complete view data. A page whose hash was seen before is
 * copied instead of rendered, so an incremental build writes exactly what a clean build would.
 * Entries no build used are pruned at the end, which keeps the cache the size of one site.
 */
final class PageCache {
  private final Optional<Path> dir;
  /** A digest that has read the fingerprint: each key starts from a copy of it. */
  private final MessageDigest primed;
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  final AtomicInteger rendered = new AtomicInteger();
  final AtomicInteger reused = new AtomicInteger();

  PageCache(Optional<Path> dir, String fingerprint) {
    this.dir = dir;
    try {
      primed = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    primed.update(fingerprint.getBytes(StandardCharsets.UTF_8));
    primed.update((byte) 0);
  }

  /** Whether pages are kept at all; without a folder no key is worth computing. */
  boolean enabled() {
    return dir.isPresent();
  }

  String key(String template, Object view) {
    try {
      MessageDigest sha = (MessageDigest) primed.clone();
      sha.update(template.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(view.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  Optional<byte[]> get(String key) {
    if (dir.isEmpty()) return Optional.empty();
    used.add(key);
    Path file = dir.get().resolve(key + ".html");
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Copies the page kept under {@code key} to {@code target} (file to file, no copy on the heap); false when there is none. */
  boolean copyTo(String key, Path target) {
    if (dir.isEmpty()) return false;
    used.add(key);
    Path file = dir.get().resolve(key + ".html");
    try {
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  void put(String key, byte[] page) {
    if (dir.isEmpty()) return;
    try {
      Files.createDirectories(dir.get());
      Path tmp = Files.createTempFile(dir.get(), "page", ".tmp");
      Files.write(tmp, page);
      Files.move(tmp, dir.get().resolve(key + ".html"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the entries this build did not use. */
  void prune() {
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) return;
    try (Stream<Path> files = Files.list(dir.get())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".html") || !used.contains(name.substring(0, name.length() - 5))) Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
