package dev.hindsight.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The corpus-wide files of a site (the calendars, the exports, the feed) kept between builds by
 * the text of everything each is made of, as pages are ({@link PageCache}): a build whose inputs
 * for one of them are those of a build before puts that build's files in place instead of making
 * them. One edited incident changes the inputs of only some of them: an edit to a narrative, a
 * timeline or a metric, none of the actions' or the exports'.
 *
 * <p>An output is a file or a folder of files, relative to the site. Its files are entries of the
 * page cache, each under a key made of the output's key and the file's path, and the list of its
 * files is kept in a {@link FragmentStore} by the output's key. When any of its files is no longer
 * in the cache as it was left, the output is made again. Before it is made, what the site holds at
 * its place is deleted: in an output folder that started from the last site that may be links to
 * the cache, which writing through would change.
 */
final class KeptOutputs {
  private final PageCache cache;
  private final FragmentStore lists;

  KeptOutputs(PageCache cache, FragmentStore lists) {
    this.cache = cache;
    this.lists = lists;
  }

  /** Making an output's files. */
  interface Make {
    void run() throws IOException;
  }

  /**
   * Puts output {@code name} at {@code relative} in {@code site}: the kept files when a build made
   * them from the same {@code inputs}, else made by {@code make} (and kept).
   */
  void make(String name, Supplier<String> inputs, Path site, String relative, Make make) throws IOException {
    if (!cache.enabled()) {
      make.run();
      return;
    }
    String key = cache.key("output:" + name, inputs.get());
    boolean[] made = {false};
    String list;
    try {
      list = lists.get(key, () -> {
        made[0] = true;
        return made(key, site, relative, make);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (made[0]) return;
    for (String file : list.split("\n", -1)) {
      Path at = site.resolve(file);
      if (!file.isEmpty() && !Files.isDirectory(at.getParent())) Files.createDirectories(at.getParent());
      if (file.isEmpty() || !cache.copyTo(fileKey(key, file), at)) {
        made(key, site, relative, make);
        return;
      }
    }
  }

  /** Makes the output afresh where the site may hold links to it, keeps its files, and lists them (a line each, relative to the site). */
  private String made(String key, Path site, String relative, Make make) {
    try {
      Path at = site.resolve(relative);
      if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) org.apache.commons.io.file.PathUtils.delete(at);
      if (at.getParent() != null) Files.createDirectories(at.getParent());
      make.run();
      List<String> files = new ArrayList<>();
      if (Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(at)) {
          walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(f -> files.add(site.relativize(f).toString()));
        }
      } else {
        files.add(relative);
      }
      for (String file : files) cache.put(fileKey(key, file), site.resolve(file));
      return String.join("\n", files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileKey(String key, String file) {
    return PageCache.digest(key + '\u0000' + file);
  }

  /** Keeps the lists of this build's outputs for the next. */
  void save() {
    lists.save();
  }

  /**
   * A value made the first time it is asked for, by whichever thread asks first: the text of all
   * actions, which three files are made of (joining it anew for each took 0.1 s more a rebuild).
   */
  static Supplier<String> once(Supplier<String> make) {
    return new Supplier<>() {
      private String value;

      @Override
      public synchronized String get() {
        if (value == null) value = make.get();
        return value;
      }
    };
  }
}
