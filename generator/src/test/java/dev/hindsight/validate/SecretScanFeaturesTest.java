package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-pass test of which credential rules a line may match lets through every line a rule's
 * regular expression matches, so the secret scan finds what running every rule on every line
 * finds: the same rule, at the same place, on the same lines.
 */
class SecretScanFeaturesTest {
  private static final List<Pattern> PATTERNS = SecretScan.patterns();

  /** What the scan must find in a line: the first rule that matches it, where; nothing on an allowed line. */
  private static SecretScan.Found everyRuleOn(String line) {
    if (line.contains(SecretScan.ALLOW)) return null;
    for (int r = 0; r < PATTERNS.size(); r++) {
      var m = PATTERNS.get(r).matcher(line);
      if (m.find()) return new SecretScan.Found(r, m.start());
    }
    return null;
  }

  private static void same(String line) {
    assertThat(SecretScan.find(line)).as("%s", line).isEqualTo(everyRuleOn(line));
    int features = SecretScan.features(line);
    assertThat((features & SecretScan.ALLOWED) != 0).as("allowed: %s", line).isEqualTo(line.contains(SecretScan.ALLOW));
    // A line read in place among the file's characters gives what it gives alone: nothing before or after it counts.
    String file = "AKIA0123456789ABCDEF :// pass=\n" + line + "\nAKIA0123456789ABCDEF PRIVATE KEY----- password=hunter22";
    int from = file.indexOf('\n') + 1;
    assertThat(SecretScan.features(file.toCharArray(), from, from + line.length())).as("in place: %s", line).isEqualTo(features);
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
      assertThat(everyRuleOn(l)).as(l).isNull();
    }
    assertThat(SecretScan.inert("      - [2025-06-12T14:00:00+02:00, 0.4]")).isTrue();
    assertThat(SecretScan.inert("password: hunter22")).isFalse();
  }

  @Test
  void findsWhatEveryRuleOnEveryLineFinds() {
    // Whole credentials, their parts, what may stand before them (a word's letters, an underscore,
    // digits, letters beyond ASCII, punctuation) and the exemption.
    List<String> pieces = List.of("AKIA0123456789ABCDEF", "ASIAZZZZZZZZZZZZZZZZ", "AKIA", "ASIA", "AIza" + "b".repeat(35), "AIza",
        "-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----", "PRIVATE KEY-----", "PRIVATE KEY----", "ghp_" + "a".repeat(36),
        "gho_" + "Z9".repeat(18), "gh", "g", "h", "_", "xoxb-1234567890", "xoxp-12345-67890", "xox", "xo", "@", "://", ":/", ":", "=",
        "postgres://app:hunter22@db", "mysql://root:s3cretpw@10.0.0.1", "https://user:***@host", "authorization", "AUTHORIZATION",
        "Authorization: Bearer abcdefgh12", "authorization: basic dXNlcjpwYXNz", "AuThOrIzAtIoN", "authorizatio", "pass", "PASS", "pAsS",
        "password = 'hunter22'", "PASSWORD: hunter22!", "passwd=topsecret1", "pwd:abcdefg", "secret: s3cr3t!x", "pwd", "PWD", "secret",
        "SECRET", "secre", "pa\u017Fs", "\u017Fecret", "hindsight:allow-secret", "hindsight:allow-secre", " ", "  ", "x", "é", "\uD83D\uDE80",
        "Z", "k", "\u212A", "7", "(", "'", "\"", "-", ".", "/");
    Random random = new Random(7);
    int found = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) line.append(pieces.get(random.nextInt(pieces.size())));
      String l = line.toString();
      same(l);
      if (everyRuleOn(l) != null) found++;
    }
    assertThat(found).as("lines with a credential").isGreaterThan(20_000);
    for (String line : List.of("", "x", "postgres://app:hunter22@db", "Authorization: Bearer abcdefgh12", "password = 'hunter22'",
        "AKIAABCDEFGHIJKLMNOP", "-----BEGIN PRIVATE KEY-----", "ghp_" + "a".repeat(36), "xoxb-1234567890", "secret: s3cr3t! hindsight:allow-secret",
        "x_password=hunter22", "xAKIAABCDEFGHIJKLMNOP", "éAKIAABCDEFGHIJKLMNOP", "my_secret: abcdefgh", "xhindsight:allow-secret password=hunter22")) {
      same(line);
    }
  }
}
