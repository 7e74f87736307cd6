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
 * every incident its source key, the digest of all that other pages read of it, and its analysis.
 * {@link QuickRebuild} reads it; a full build writes it once its site is published.
 *
 * @param context the digest of everything that is the same for every page (code, version,
 *     settings, configuration, templates, as-of date; see {@link QuickRebuild#context})
 * @param output the published site's stamp ({@link QuickRebuild#stamp}): a site replaced since, by
 *     any build, no longer matches
 * @param pages how many pages the site has
 * @param dataFiles how many data files the build counted
 * @param briefs how many PDF briefs the site has
 * @param entries every incident the validation gave, in the site's order, those left out of the
 *     site included
 */
record BuildRecord(String context, String output, int pages, int dataFiles, int briefs, List<Entry> entries) {
  /** Bump when the layout changes. */
  static final String FORMAT = "hindsight-build-record-1";

  BuildRecord {
    Objects.requireNonNull(context);
    Objects.requireNonNull(output);
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
   * @param figures its analysis, in the caches' form ({@link dev.hindsight.validate.CacheCodec});
   *     empty when it is not in the site
   */
  record Entry(String sourcePath, String sourceKey, String projection, String history, boolean included, String id, String title,
      String severity, String day, List<String> dataFiles, byte[] figures) {
    Entry {
      dataFiles = List.copyOf(dataFiles);
    }
  }

  /** The record at {@code file}; none when there is none, or it does not read back whole. */
  static Optional<BuildRecord> read(Path file) {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!FORMAT.equals(text(in))) return Optional.empty();
      String context = text(in);
      String output = text(in);
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
        byte[] figures = new byte[in.readInt()];
        in.readFully(figures);
        entries.add(new Entry(sourcePath, sourceKey, projection, history, included, id, title, severity, day, names, figures));
      }
      if (!FORMAT.equals(text(in)) || in.read() != -1) return Optional.empty();
      return Optional.of(new BuildRecord(context, output, pages, dataFiles, briefs, entries));
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
        out.writeInt(e.figures().length);
        out.write(e.figures());
      }
      // the format again at the end: a record cut short does not read back
      text(out, FORMAT);
    }
    Files.createDirectories(file.getParent());
    Path next = file.resolveSibling(file.getFileName() + ".new");
    Files.write(next, bytes.toByteArray());
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
