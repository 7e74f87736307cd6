package dev.hindsight.validate;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds likely credentials pasted into an incident (from chat logs, terminals, configs) before they
 * are published: cloud access keys, private key blocks, API tokens, passwords in connection
 * strings, Authorization headers. A line holding {@value #ALLOW} is not checked (for documented
 * false positives such as a redacted example).
 */
public final class SecretScan {
  public static final String ALLOW = "hindsight:allow-secret";

  /**
   * A kind of credential: its pattern, and a cheap test that a line may hold one (the literals the
   * pattern needs, as {@link #features} found them), so that the thousands of lines without any
   * (metric samples, prose) skip the regular expressions.
   */
  private record Rule(String what, Pattern pattern, java.util.function.IntPredicate mayMatch) {}

  // What one pass over a line finds (see features): characters and literals the patterns need.
  static final int UNDERSCORE = 1, AT = 1 << 1, COLON = 1 << 2, EQUALS = 1 << 3, SCHEME = 1 << 4, AWS = 1 << 5, GOOGLE = 1 << 6,
      PRIVATE = 1 << 7, SLACK = 1 << 8, GH = 1 << 9, AUTHORIZATION = 1 << 10, PASSWORD_WORD = 1 << 11, ALLOWED = 1 << 12;

  private static boolean all(int features, int wanted) {
    return (features & wanted) == wanted;
  }

  private static final List<Rule> RULES = List.of(
      new Rule("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"), f -> all(f, AWS)),
      new Rule("a private key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"), f -> all(f, PRIVATE)),
      new Rule("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"), f -> all(f, UNDERSCORE | GH)),
      new Rule("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), f -> all(f, SLACK)),
      new Rule("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), f -> all(f, GOOGLE)),
      new Rule("a password in a connection string", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:(?!\\*+@|x+@|<)[^\\s:/@]{3,}@"),
          f -> all(f, AT | SCHEME)),
      new Rule("an Authorization header", Pattern.compile("(?i)\\bauthorization:\\s*(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}"),
          f -> all(f, COLON | AUTHORIZATION)),
      new Rule("a password assignment", Pattern.compile("(?i)\\b(password|passwd|pwd|secret)\\s*[=:]\\s*['\"]?(?!\\*+|<|x{3,}|redacted)[^\\s'\"]{6,}"),
          f -> (f & (EQUALS | COLON)) != 0 && all(f, PASSWORD_WORD)));

  /**
   * The literals of a line that the rules look for, in one pass: each character decides which (if
   * any) could start there. Ten scans of every line for a literal each were a twentieth of a clean
   * build with the quick compiler, which has no intrinsic for {@code String.indexOf}. Case-blind
   * words match as {@code String.regionMatches(true, ...)} matches them.
   */
  static int features(String line) {
    return features(line.toCharArray(), 0, line.length());
  }

  /**
   * The features of the line in {@code cs[from..n)}: a file's characters are read from one array,
   * which the quick compiler does several times faster than {@code String.charAt}, one call and
   * two checks a character. (Looking for the rules' words only where a word can start, as their
   * {@code \b} allows, made it slower: one more look in a table for every character.)
   */
  static int features(char[] cs, int from, int n) {
    int f = 0;
    for (int i = from; i < n; i++) {
      char c = cs[i];
      // Most characters begin no literal: one look in a table passes them (the switch below is a chain of comparisons).
      if (c >= 128 || !STARTS[c]) continue;
      switch (c) {
        case '_' -> f |= UNDERSCORE;
        case '@' -> f |= AT;
        case '=' -> f |= EQUALS;
        case ':' -> f |= Chars.at(cs, n, i + 1, "//") ? COLON | SCHEME : COLON;
        case 'A' -> f |= (Chars.at(cs, n, i, "AKIA") || Chars.at(cs, n, i, "ASIA") ? AWS : 0) | (Chars.at(cs, n, i, "AIza") ? GOOGLE : 0)
            | word(cs, n, i, "authorization", AUTHORIZATION);
        case 'a' -> f |= word(cs, n, i, "authorization", AUTHORIZATION);
        case 'P' -> f |= (Chars.at(cs, n, i, "PRIVATE KEY-----") ? PRIVATE : 0) | word(cs, n, i, "pass", PASSWORD_WORD) | word(cs, n, i, "pwd", PASSWORD_WORD);
        case 'p' -> f |= word(cs, n, i, "pass", PASSWORD_WORD) | word(cs, n, i, "pwd", PASSWORD_WORD);
        case 'S', 's' -> f |= word(cs, n, i, "secret", PASSWORD_WORD);
        case 'x' -> f |= Chars.at(cs, n, i, "xox") ? SLACK : 0;
        case 'g' -> f |= Chars.at(cs, n, i, "gh") ? GH : 0;
        case 'h' -> f |= Chars.at(cs, n, i, ALLOW) ? ALLOWED : 0;
        default -> { }
      }
    }
    return f;
  }

  /**
   * {@code flag} when {@code word} (ASCII, lower case) is at {@code i} in any case. Its second
   * letter is compared first: the words' second letters (a, e, u, w) have no case forms outside
   * ASCII, and most of a line's letters are not followed by one.
   */
  private static int word(char[] cs, int n, int i, String word, int flag) {
    int len = word.length();
    if (i + len > n || (cs[i + 1] | 0x20) != word.charAt(1)) return 0;
    for (int k = 0; k < len; k++) {
      char c = cs[i + k];
      if (c >= 128) return new String(cs, i, len).regionMatches(true, 0, word, 0, len) ? flag : 0;
      if ((c | 0x20) != word.charAt(k)) return 0;
    }
    return flag;
  }

  /**
   * Characters that are in none of the rules' literals: a line of nothing else (a metric sample
   * such as {@code - [2025-06-12T14:00:00+02:00, 0.4]}, a third of an incident's lines) can match
   * no rule, and a table lookup a character tells so quicker than {@link #features}.
   */
  private static final boolean[] INERT = new boolean[128];

  static final String INERT_CHARACTERS = "0123456789 -[]:+.,TZ";

  /** The characters {@link #features} looks at: those that begin a literal of a rule, or are one. */
  private static final boolean[] STARTS = new boolean[128];

  static {
    for (char c : INERT_CHARACTERS.toCharArray()) INERT[c] = true;
    for (char c : "_@=:AaPpSsxgh".toCharArray()) STARTS[c] = true;
  }

  static boolean inert(String line) {
    return inert(line.toCharArray(), 0, line.length());
  }

  static boolean inert(char[] cs, int from, int n) {
    for (int i = from; i < n; i++) {
      char c = cs[i];
      if (c >= 128 || !INERT[c]) return false;
    }
    return true;
  }

  public List<Diagnostic> check(SourceDocument doc) {
    List<Diagnostic> out = new ArrayList<>();
    dev.hindsight.load.TextLines lines = doc.lines();
    for (int k = 0; k < lines.count(); k++) {
      Found found = find(lines, k);
      if (found != null) {
        out.add(Diagnostic.error(new Location(doc.file(), k + 1, found.at() + 1), Code.HS701,
            "this looks like " + RULES.get(found.rule()).what() + "; it would be published with the post-mortem",
            "redact it (e.g. replace it with <redacted>) and rotate the credential; if it is not a secret, add `" + ALLOW + "` on the same line"));
      }
    }
    return out;
  }

  /** A credential found in a line: which rule (its index), and where it starts in the line. */
  record Found(int rule, int at) {}

  /**
   * The first rule line {@code k} of {@code lines} matches and where, or null (none, or the line is
   * allowed); the line is read in place, and made a string only for the rules its features let
   * through.
   */
  private static Found find(dev.hindsight.load.TextLines lines, int k) {
    char[] cs = lines.chars();
    int start = lines.start(k);
    int end = lines.end(k);
    if (inert(cs, start, end)) return null;
    int features = features(cs, start, end);
    if ((features & ALLOWED) != 0) return null;
    String line = null;
    for (int r = 0; r < RULES.size(); r++) {
      Rule rule = RULES.get(r);
      if (!rule.mayMatch().test(features)) continue;
      if (line == null) line = lines.line(k);
      Matcher m = rule.pattern().matcher(line);
      if (m.find()) return new Found(r, m.start());
    }
    return null;
  }

  /** {@link #find} of one line, without a line end (for tests). */
  static Found find(String line) {
    dev.hindsight.load.TextLines one = dev.hindsight.load.TextLines.of(line);
    if (one.count() > 1) throw new IllegalArgumentException("more than one line: " + line);
    return one.count() == 0 ? null : find(one, 0);
  }

  /** The rules' patterns, in the order they are tried (for tests). */
  static List<Pattern> patterns() {
    return RULES.stream().map(Rule::pattern).toList();
  }
}
