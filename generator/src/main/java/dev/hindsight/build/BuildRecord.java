package dev.hindsight.build;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build published, kept in the cache ({@code .hindsight-cache/builds/}) for the next build
 * to tell what changed since: the settings it ran with, the state of the site it left, and for
 * every incident its source key, the digest of all that other pages read of it, and where its
 * analysis is in the figures file beside the record ({@code <output>.figures-<token>}), which a
 * quick rebuild reads only for the incidents it renders and leaves as it is. {@link QuickRebuild}
 * reads the record; a full build writes both once its site is published.
 *
 * @param context the digest of everything that is the same for every page (code, version,
 *     settings, configuration, templates, as-of date; see {@link QuickRebuild#context})
 * @param output the published site's stamp ({@link QuickRebuild#stamp}): a site replaced since, by
 *     any build, no longer matches
 * @param pages how many pages the site has
 * @param dataFiles how many data files the build counted
 * @param briefs how many PDF briefs the site has
 * @param figures the token that names the figures file
 * @param entries every incident the validation gave, in the site's order, those left out of the
 *     site included
 */
record BuildRecord(String context, String output, int pages, int dataFiles, int briefs, String figures, List<Entry> entries) {
  /** Bump when the layout changes. */
  static final String FORMAT = "hindsight-build-record-1";

  BuildRecord {
    Objects.requireNonNull(context);
    Objects.requireNonNull(output);
    Objects.requireNonNull(figures);
    entries = List.copyOf(entries);
  }

  /**
   * One incident as the build saw it.
   *
   * @param sourceKey the digest of the files it was read from
   * @param projection the digest of the incident without its narrative: all that pages other than
   *     its own, the exports, the feeds and the analysis read of it
   * @param history the digest of its git history, which its page shows
   * @param included whether it is in the site (a draft or internal incident may be left out)
   * @param day the day it started, as the search index shows it
   * @param dataFiles the files copied next to its page, by their names in its folder
   * @param figuresAt where its analysis starts in the figures file, in the caches' form ({@link
   *     dev.hindsight.validate.CacheCodec})
   * @param figuresLength its length there: 0 when it is not in the site
   */
  record Entry(String sourcePath, String sourceKey, String projection, String history, boolean included, String id, String title,
      String severity, String day, List<String> dataFiles, long figuresAt, int figuresLength) {
    Entry {
      dataFiles = List.copyOf(dataFiles);
    }
  }

  /** What the record's first lines say: the context and the site's stamp it was made with. */
  record Header(String context, String output) {}

  /** The header of the record at {@code file}, read alone; none when there is none. */
  static Optional<Header> header(Path file) {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 4096))) {
      if (!FORMAT.equals(text(in))) return Optional.empty();
      return Optional.of(new Header(text(in), text(in)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The record at {@code file}; none when there is none, or it does not read back whole. */
  static Optional<BuildRecord> read(Path file) {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!FORMAT.equals(text(in))) return Optional.empty();
      String context = text(in);
      String output = text(in);
      String figuresToken = text(in);
      int pages = in.readInt();
      int dataFiles = in.readInt();
      int briefs = in.readInt();
      int count = in.readInt();
      List<Entry> entries = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        String sourcePath = text(in);
        String sourceKey = text(in);
        String projection = text(in);
        String history = text(in);
        boolean included = in.readBoolean();
        String id = text(in);
        String title = text(in);
        String severity = text(in);
        String day = text(in);
        int files = in.readInt();
        List<String> names = new ArrayList<>(files);
        for (int f = 0; f < files; f++) names.add(text(in));
        long figuresAt = in.readLong();
        int figuresLength = in.readInt();
        entries.add(new Entry(sourcePath, sourceKey, projection, history, included, id, title, severity, day, names, figuresAt, figuresLength));
      }
      if (!FORMAT.equals(text(in)) || in.read() != -1) return Optional.empty();
      return Optional.of(new BuildRecord(context, output, pages, dataFiles, briefs, figuresToken, entries));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes the record to {@code file} whole, through a temporary file and a rename. */
  void write(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, FORMAT);
      text(out, context);
      text(out, output);
      text(out, figures);
      out.writeInt(pages);
      out.writeInt(dataFiles);
      out.writeInt(briefs);
      out.writeInt(entries.size());
      for (Entry e : entries) {
        text(out, e.sourcePath());
        text(out, e.sourceKey());
        text(out, e.projection());
        text(out, e.history());
        out.writeBoolean(e.included());
        text(out, e.id());
        text(out, e.title());
        text(out, e.severity());
        text(out, e.day());
        out.writeInt(e.dataFiles().size());
        for (String name : e.dataFiles()) text(out, name);
        out.writeLong(e.figuresAt());
        out.writeInt(e.figuresLength());
      }
      // the format again at the end: a record cut short does not read back
      text(out, FORMAT);
    }
    Files.createDirectories(file.getParent());
    Path next = file.resolveSibling(file.getFileName() + ".new");
    Files.write(next, bytes.toByteArray());
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The figures file of the record at {@code file}. */
  static Path figuresFile(Path file, String token) {
    return file.resolveSibling(file.getFileName() + ".figures-" + token);
  }

  /**
   * Writes the figures of a new record beside {@code file}: {@code each} in order, into a file of
   * its own named by a new token. Returns the token and where each starts.
   */
  static Figures writeFigures(Path file, List<byte[]> each) throws IOException {
    String token = java.util.UUID.randomUUID().toString();
    Files.createDirectories(file.getParent());
    long[] at = new long[each.size()];
    long position = 0;
    try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(figuresFile(file, token)), 1 << 16)) {
      for (int k = 0; k < each.size(); k++) {
        at[k] = position;
        out.write(each.get(k));
        position += each.get(k).length;
      }
    }
    return new Figures(token, at);
  }

  /** A figures file's token and where each incident's figures start in it. */
  record Figures(String token, long[] at) {}

  /** Deletes the figures files beside {@code file} that the record there does not name. */
  static void pruneFigures(Path file, String kept) throws IOException {
    String prefix = file.getFileName() + ".figures-";
    try (java.util.stream.Stream<Path> siblings = Files.list(file.getParent())) {
      for (Path p : siblings.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && !name.equals(prefix + kept)) Files.deleteIfExists(p);
      }
    }
  }

  /** The figures of {@code entry}, read from the figures file of the record at {@code file}. */
  byte[] figuresOf(Path file, Entry entry) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(figuresFile(file, figures))) {
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(entry.figuresLength());
      while (bytes.hasRemaining()) {
        if (channel.read(bytes, entry.figuresAt() + bytes.position()) < 0) throw new java.io.EOFException("the figures file is cut short");
      }
      return bytes.array();
    }
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
