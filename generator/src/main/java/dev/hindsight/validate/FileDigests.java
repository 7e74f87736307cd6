package dev.hindsight.validate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A digest of each file the validation reads (the 128-bit MurmurHash3 of {@link
 * dev.hindsight.model.Digests#murmur128}: with the quick compiler, SHA-256 of every file was a
 * thirtieth of a clean build), kept between runs with the file's size, change
 * times and identity, as git's index keeps them: a file whose stat is what it was is not read and
 * hashed again. At 10,000 incidents that reading and hashing was the largest part of a validation
 * that found every file in its cache.
 *
 * <p>A stat is trusted only when it holds the status-change time ({@code ctime}, which no program
 * can set back) besides the modification time, so an edit that keeps the size and restores the
 * modification time is still seen; where the file system has no such time (outside Unix-like
 * systems) every file is hashed, as before. A file changed shortly before the record was written
 * could change again within the same tick of the file system's clock without its stat changing
 * (git's "racily clean" files): such a record is not trusted, and the file is hashed again until
 * its last change is older than the record by {@code racyMargin}.
 *
 * <p>The record is one file, written whole through a temporary file and a rename, holding the
 * files this run looked at; one that is missing, cut short or of another format trusts nothing.
 */
final class FileDigests {
  /** Bump when the file layout changes. */
  private static final String FORMAT = "hindsight-file-digests-2";
  private static final int DIGEST_BYTES = 16;
  /** The attributes of one stat call: {@code unix:} gives the status-change time and the inode. */
  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,dev";

  /** What a file's stat said: enough to tell that it was not written since. */
  record Stamp(long size, long modified, long changed, long inode, long device) {}

  /** A file looked at: its stat, and its digest when the record vouches for it (else null). */
  record Look(Path file, Stamp stamp, byte[] digest) {}

  private record Known(Stamp stamp, byte[] digest) {}

  private final Optional<Path> file;
  private final boolean supported;
  /** The last run's records that may be trusted: those of files last changed well before they were written. */
  private final Map<String, Known> trusted;
  private final Map<String, Known> seen = new ConcurrentHashMap<>();
  /** How many files were read and hashed, and how many were taken on their stat. */
  final AtomicInteger hashed = new AtomicInteger();
  final AtomicInteger vouched = new AtomicInteger();

  /**
   * @param file where the record is kept (none: every file is hashed, nothing is kept)
   * @param racyMargin how long before the record was written a file's last change must be for
   *     its stat to be trusted
   */
  FileDigests(Optional<Path> file, Duration racyMargin) {
    this.file = file;
    this.supported = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    this.trusted = supported ? file.map(f -> read(f, racyMargin)).orElse(Map.of()) : Map.of();
  }

  /** Stats {@code path} (following links, as reading it does) and finds its digest if the record vouches for it. */
  Look look(Path path) throws IOException {
    if (!supported) return new Look(path, new Stamp(Files.size(path), 0, 0, 0, 0), null);
    Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES);
    Stamp stamp = new Stamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), (Long) a.get("ino"), (Long) a.get("dev"));
    String name = name(path);
    Known known = trusted.get(name);
    if (known != null && known.stamp().equals(stamp)) {
      seen.put(name, known);
      vouched.incrementAndGet();
      return new Look(path, stamp, known.digest());
    }
    return new Look(path, stamp, null);
  }

  /**
   * The digest of {@code bytes}, read from the file just after {@code look} statted it, and kept
   * for the next run with that stat: a file written in between has another stat next time.
   */
  byte[] record(Look look, byte[] bytes) {
    byte[] digest = dev.hindsight.model.Digests.murmur128(bytes);
    hashed.incrementAndGet();
    if (supported) seen.put(name(look.file()), new Known(look.stamp(), digest));
    return digest;
  }

  /** The digest of a file: from the record when it vouches for the file, else read and hashed. */
  byte[] of(Path path) throws IOException {
    Look look = look(path);
    return look.digest() != null ? look.digest() : record(look, Files.readAllBytes(path));
  }

  /** Writes the records of the files this run looked at, in place of the last run's. */
  void save() {
    if (file.isEmpty() || !supported) return;
    Path target = file.get();
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".digests", ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeUTF(FORMAT);
        out.writeInt(seen.size());
        for (Map.Entry<String, Known> e : seen.entrySet()) {
          Stamp s = e.getValue().stamp();
          out.writeUTF(e.getKey());
          out.writeLong(s.size());
          out.writeLong(s.modified());
          out.writeLong(s.changed());
          out.writeLong(s.inode());
          out.writeLong(s.device());
          out.write(e.getValue().digest());
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // a record that cannot be kept only means every file is hashed next time
    }
  }

  /** The records of a file, keeping only those of files last changed {@code racyMargin} before it was written. */
  private static Map<String, Known> read(Path file, Duration racyMargin) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      long written = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
      long trustedBefore = written - racyMargin.toNanos();
      if (!in.readUTF().equals(FORMAT)) return Map.of();
      int count = in.readInt();
      Map<String, Known> records = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
      for (int k = 0; k < count; k++) {
        String name = in.readUTF();
        Stamp stamp = new Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        byte[] digest = new byte[DIGEST_BYTES];
        in.readFully(digest);
        if (stamp.changed() < trustedBefore && stamp.modified() < trustedBefore) records.put(name, new Known(stamp, digest));
      }
      return records;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  private static String name(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }
}
