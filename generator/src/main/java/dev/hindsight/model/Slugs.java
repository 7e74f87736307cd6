package dev.hindsight.model;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns names that authors choose (services, tags, categories, teams, owners) into file and URL
 * names that are safe on every file system a site is copied to: ASCII letters, digits and dashes
 * only, lower case (so that no two names collide on a case-insensitive disk), at most 60
 * characters, never a Windows device name, never empty, never {@code .} or {@code ..}.
 *
 * <p>Two names can fold to the same slug ("Orders DB" and "orders-db", "Žofia" and "Zofia", a
 * Cyrillic look-alike). A {@link Slugs} made from all the names of one folder gives each its own:
 * a name that is its own slug keeps it, the others get a short hash of the name appended, so the
 * result does not depend on the order the names were seen in and no page overwrites another.
 */
public final class Slugs {
  static final int MAX_LENGTH = 60;
  private static final Pattern RESERVED = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");
  private static final Pattern COMBINING = Pattern.compile("\\p{M}");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
  private final Map<String, String> slugs;

  private Slugs(Map<String, String> slugs) {
    this.slugs = slugs;
  }

  /**
   * The base slug of a name: accents dropped, lower case, runs of anything else turned into one
   * dash, cut at a dash before {@value #MAX_LENGTH} characters. Names with nothing usable become
   * {@code fallback}; Windows device names ({@code con}, {@code nul}, {@code com1}...) get a trailing
   * {@code -x}.
   */
  public static String of(String name, String fallback) {
    String ascii = COMBINING.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH);
      int dash = slug.lastIndexOf('-');
      slug = dash > 0 ? slug.substring(0, dash) : slug;
    }
    if (slug.isEmpty()) return fallback;
    if (RESERVED.matcher(slug).matches()) return slug + "-x";
    return slug;
  }

  /** Whether a name is a Windows device name ({@code con}, {@code nul}, {@code com1}...), which no file or folder may have there. */
  public static boolean isDeviceName(String name) {
    return RESERVED.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** A slug for every one of {@code names}, no two alike. */
  public static Slugs unique(Collection<String> names, String fallback) {
    Map<String, Set<String>> byBase = new TreeMap<>();
    for (String name : new TreeSet<>(names)) byBase.computeIfAbsent(of(name, fallback), k -> new TreeSet<>()).add(name);
    Map<String, String> result = new HashMap<>();
    Set<String> taken = new HashSet<>(byBase.keySet());
    byBase.forEach((base, group) -> {
      for (String name : group) {
        if (group.size() == 1 || name.equals(base)) {
          result.put(name, base);
          continue;
        }
        String slug;
        int length = 6;
        do {
          slug = base.substring(0, Math.min(base.length(), MAX_LENGTH - length - 1)) + "-" + hash(name).substring(0, length);
          length += 2;
        } while (!taken.add(slug));
        result.put(name, slug);
      }
    });
    return new Slugs(Map.copyOf(result));
  }

  /** The slug of a name given to {@link #unique}. */
  public String get(String name) {
    String slug = slugs.get(name);
    if (slug == null) throw new IllegalArgumentException("no slug was made for `" + name + "`");
    return slug;
  }

  /** The slugs given out, for tests: distinct by construction. */
  public List<String> all() {
    return List.copyOf(slugs.values());
  }

  private static String hash(String name) {
    return Digests.sha256Hex(name);
  }
}
