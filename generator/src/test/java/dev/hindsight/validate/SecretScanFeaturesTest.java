package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The one-pass test of which credential rules a line may match says what the ten scans for a
 * literal each said before it, for every rule: the regular expressions then run on the same lines,
 * so the findings are the same.
 */
class SecretScanFeaturesTest {
  /** Whether {@code text} holds {@code word} in any case: the scan the one pass replaced. */
  private static boolean containsIgnoreCase(String text, String word) {
    char first = word.charAt(0);
    char upper = Character.toUpperCase(first);
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || c == upper) && text.regionMatches(true, i, word, 0, word.length())) return true;
    }
    return false;
  }

  /** The tests as they were, rule by rule, and the exemption. */
  private static final List<Predicate<String>> BEFORE = List.of(
      l -> l.contains("AKIA") || l.contains("ASIA"),
      l -> l.contains("PRIVATE KEY-----"),
      l -> l.indexOf('_') >= 0 && l.contains("gh"),
      l -> l.contains("xox"),
      l -> l.contains("AIza"),
      l -> l.indexOf('@') >= 0 && l.contains("://"),
      l -> l.indexOf(':') >= 0 && containsIgnoreCase(l, "authorization"),
      l -> (l.indexOf('=') >= 0 || l.indexOf(':') >= 0)
          && (containsIgnoreCase(l, "pass") || containsIgnoreCase(l, "pwd") || containsIgnoreCase(l, "secret")),
      l -> l.contains(SecretScan.ALLOW));

  private static final int ALL = SecretScan.ALLOWED;

  /** The same tests on what one pass found, in the same order. */
  private static final List<IntPredicate> AFTER = List.of(
      f -> (f & SecretScan.AWS) != 0,
      f -> (f & SecretScan.PRIVATE) != 0,
      f -> (f & SecretScan.UNDERSCORE) != 0 && (f & SecretScan.GH) != 0,
      f -> (f & SecretScan.SLACK) != 0,
      f -> (f & SecretScan.GOOGLE) != 0,
      f -> (f & SecretScan.AT) != 0 && (f & SecretScan.SCHEME) != 0,
      f -> (f & SecretScan.COLON) != 0 && (f & SecretScan.AUTHORIZATION) != 0,
      f -> (f & (SecretScan.EQUALS | SecretScan.COLON)) != 0 && (f & SecretScan.PASSWORD_WORD) != 0,
      f -> (f & ALL) != 0);

  private static void same(String line) {
    int features = SecretScan.features(line);
    // A line read in place among the file's characters gives what it gives alone: nothing before or after it counts.
    String file = "AKIA0123456789ABCDEF :// pass=\n" + line + "\nAKIA0123456789ABCDEF PRIVATE KEY----- password=hunter22";
    int from = file.indexOf('\n') + 1;
    assertThat(SecretScan.features(file.toCharArray(), from, from + line.length())).as("in place: %s", line).isEqualTo(features);
    for (int k = 0; k < BEFORE.size(); k++) {
      assertThat(AFTER.get(k).test(features)).as("test %d on %s", k, line).isEqualTo(BEFORE.get(k).test(line));
    }
  }

  @Test
  void aLineOfInertCharactersCanMatchNoRule() {
    Random random = new Random(9);
    String alphabet = SecretScan.INERT_CHARACTERS;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = random.nextInt(60); k >= 0; k--) line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String l = line.toString();
      assertThat(SecretScan.inert(l)).isTrue();
      int features = SecretScan.features(l);
      for (int k = 0; k < AFTER.size(); k++) assertThat(AFTER.get(k).test(features)).as("test %d on %s", k, l).isFalse();
    }
    assertThat(SecretScan.inert("      - [2025-06-12T14:00:00+02:00, 0.4]")).isTrue();
    assertThat(SecretScan.inert("password: hunter22")).isFalse();
  }

  @Test
  void linesThatHoldTheLiteralsOrPartsOfThemAreSortedAsBefore() {
    List<String> pieces = List.of("AKIA", "ASIA", "AIza", "PRIVATE KEY-----", "PRIVATE KEY----", "gh", "g", "h", "_", "xox", "xo", "@", "://", ":/",
        ":", "=", "authorization", "AUTHORIZATION", "AuThOrIzAtIoN", "authorizatio", "pass", "PASS", "pAsS", "pwd", "PWD", "secret", "SECRET",
        "secre", "pa\u017Fs", "\u017Fecret", "hindsight:allow-secret", "hindsight:allow-secre", " ", "x", "é", "\uD83D\uDE80", "Z", "k", "\u212A");
    Random random = new Random(7);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) line.append(pieces.get(random.nextInt(pieces.size())));
      same(line.toString());
    }
    for (String line : List.of("", "x", "postgres://app:hunter22@db", "Authorization: Bearer abcdefgh12", "password = 'hunter22'",
        "AKIAABCDEFGHIJKLMNOP", "-----BEGIN PRIVATE KEY-----", "ghp_" + "a".repeat(36), "xoxb-1234567890", "secret: s3cr3t! hindsight:allow-secret")) {
      same(line);
    }
  }
}
