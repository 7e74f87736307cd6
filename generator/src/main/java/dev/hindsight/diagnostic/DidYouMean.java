package dev.hindsight.diagnostic;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one, by edit distance. */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate closest to {@code word}, if it is close enough to be a plausible typo: at most a
   * third of the word's length in edits (and at least one), or a word it begins or ends
   * (`detect` for `detection`), compared case-insensitively.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String needle = word.toLowerCase(Locale.ROOT);
    if (needle.length() >= 3) {
      for (String candidate : candidates) {
        String c = candidate.toLowerCase(Locale.ROOT);
        if (!c.equals(needle) && (c.startsWith(needle) || needle.startsWith(c))) return Optional.of(candidate);
      }
    }
    int budget = Math.max(1, needle.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= budget ? Optional.ofNullable(best) : Optional.empty();
  }

  /** A hint sentence, "did you mean `x`?", or the list of allowed values when nothing is close. */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates)
        .map(c -> "did you mean `" + c + "`?")
        .orElseGet(() -> "use one of: " + String.join(", ", candidates));
  }

  /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
