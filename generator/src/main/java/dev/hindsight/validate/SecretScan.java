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

  private record Rule(String what, Pattern pattern) {}

  private static final List<Rule> RULES = List.of(
      new Rule("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
      new Rule("a private key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")),
      new Rule("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
      new Rule("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}")),
      new Rule("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
      new Rule("a password in a connection string", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:(?!\\*+@|x+@|<)[^\\s:/@]{3,}@")),
      new Rule("an Authorization header", Pattern.compile("(?i)\\bauthorization:\\s*(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}")),
      new Rule("a password assignment", Pattern.compile("(?i)\\b(password|passwd|pwd|secret)\\s*[=:]\\s*['\"]?(?!\\*+|<|x{3,}|redacted)[^\\s'\"]{6,}")));

  public List<Diagnostic> check(SourceDocument doc) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> lines = doc.lines();
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.contains(ALLOW)) continue;
      for (Rule rule : RULES) {
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
