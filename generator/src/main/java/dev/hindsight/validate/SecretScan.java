package dev.hindsight.validate;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
   * A kind of credential: its pattern, and a cheap test that a line may hold one (a literal the
   * pattern needs), so that the thousands of lines without any (metric samples, prose) skip the
   * regular expressions.
   */
  private record Rule(String what, Pattern pattern, Predicate<String> mayMatch) {}

  private static final List<Rule> RULES = List.of(
      new Rule("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"), l -> l.contains("AKIA") || l.contains("ASIA")),
      new Rule("a private key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"), l -> l.contains("PRIVATE KEY-----")),
      new Rule("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"), l -> l.indexOf('_') >= 0 && l.contains("gh")),
      new Rule("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), l -> l.contains("xox")),
      new Rule("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), l -> l.contains("AIza")),
      new Rule("a password in a connection string", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:(?!\\*+@|x+@|<)[^\\s:/@]{3,}@"),
          l -> l.indexOf('@') >= 0 && l.contains("://")),
      new Rule("an Authorization header", Pattern.compile("(?i)\\bauthorization:\\s*(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}"),
          l -> l.indexOf(':') >= 0 && containsIgnoreCase(l, "authorization")),
      new Rule("a password assignment", Pattern.compile("(?i)\\b(password|passwd|pwd|secret)\\s*[=:]\\s*['\"]?(?!\\*+|<|x{3,}|redacted)[^\\s'\"]{6,}"),
          l -> (l.indexOf('=') >= 0 || l.indexOf(':') >= 0) && (containsIgnoreCase(l, "pass") || containsIgnoreCase(l, "pwd") || containsIgnoreCase(l, "secret"))));

  /** Whether {@code text} holds {@code word} (ASCII, lower case) in any case, without copying the text. */
  static boolean containsIgnoreCase(String text, String word) {
    char first = word.charAt(0);
    char upper = Character.toUpperCase(first);
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || c == upper) && text.regionMatches(true, i, word, 0, word.length())) return true;
    }
    return false;
  }

  public List<Diagnostic> check(SourceDocument doc) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> lines = doc.lines();
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.contains(ALLOW)) continue;
      for (Rule rule : RULES) {
        if (!rule.mayMatch().test(line)) continue;
        Matcher m = rule.pattern().matcher(line);
        if (m.find()) {
          out.add(Diagnostic.error(new Location(doc.file(), k + 1, m.start() + 1), Code.HS701,
              "this looks like " + rule.what() + "; it would be published with the post-mortem",
              "redact it (e.g. replace it with <redacted>) and rotate the credential; if it is not a secret, add `" + ALLOW + "` on the same line"));
          break;
        }
      }
    }
    return out;
  }
}
