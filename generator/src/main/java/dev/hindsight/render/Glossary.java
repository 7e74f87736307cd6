package dev.hindsight.render;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field's vocabulary in plain words, for the glossary page and for hints in the text: the
 * first use of a term in a block links to its entry, with the short definition as a tooltip.
 */
public final class Glossary {
  /** A term, the words that mean it in text, and what it means. */
  public record Term(String anchor, String name, List<String> spellings, String definition) {}

  public static final List<Term> TERMS = List.of(
      new Term("rca", "RCA (root cause analysis)", List.of("RCA", "root cause analysis"),
          "The investigation of why an incident happened: the conditions in the system that allowed it, not who was involved."),
      new Term("blast-radius", "Blast radius", List.of("blast radius"),
          "What the incident affected and what it did not: which services, customers, regions and data."),
      new Term("mitigation", "Mitigation", List.of("mitigation", "mitigated"),
          "The steps that stop the harm to users, even before the underlying cause is fixed."),
      new Term("latency", "Latency", List.of("latency"),
          "How long a request or query takes to answer. Often reported as p99: the time 99 % of requests stay under."),
      new Term("deadlock", "Deadlock", List.of("deadlock", "deadlocks", "deadlocked"),
          "Two database transactions each wait for a lock the other holds; the database cancels one of them so the other can go on."),
      new Term("replication-lag", "Replication lag", List.of("replication lag"),
          "How far a copy (replica) of a database is behind the primary. Reads from a lagging replica return old data."),
      new Term("query-plan", "Query plan", List.of("query plan", "query plans", "EXPLAIN"),
          "The steps the database chooses to answer a query, such as using an index or reading the whole table."),
      new Term("index-fragmentation", "Index fragmentation (bloat)", List.of("index fragmentation", "index bloat", "bloated"),
          "An index that has grown far larger than its data, with mostly empty pages, so reading it is slow."),
      new Term("data-consistency", "Data consistency", List.of("data consistency", "data-consistency"),
          "Whether stored data is correct and agrees across tables and systems."),
      new Term("slo", "SLO (service level objective)", List.of("SLO", "SLOs"),
          "The reliability a team commits to, such as 99.95 % of checkouts succeeding over 30 days."),
      new Term("sla", "SLA (service level agreement)", List.of("SLA", "SLAs"),
          "A reliability promise in a contract with customers, usually looser than the internal SLO."),
      new Term("error-budget", "Error budget", List.of("error budget"),
          "The failures an SLO allows in its window: for 99.95 % over 30 days, 21.6 minutes. Incidents spend it."),
      new Term("failover", "Failover", List.of("failover"),
          "Switching to a standby system, such as promoting a database replica, when the primary fails."));

  private static final String BEFORE = "(?<![\\p{L}\\p{N}-])";
  private static final String AFTER = "(?![\\p{L}\\p{N}-])";

  /** A term's spellings as alternatives; abbreviations (SLO, RCA) only in capitals. */
  private static String spellings(Term t) {
    return String.join("|", t.spellings().stream().map(s -> s.matches("[A-Z]{2,}s?") ? "(?-i:" + Pattern.quote(s) + ")" : Pattern.quote(s)).toList());
  }

  /** Abbreviations (SLO, RCA) match only in capitals, so "slo" in a word list is not a hint; words match in any case. */
  private static final List<Compiled> COMPILED = TERMS.stream()
      .map(t -> new Compiled(t, Pattern.compile(BEFORE + "(" + spellings(t) + ")" + AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))).toList();

  private record Compiled(Term term, Pattern pattern) {}

  /** Any spelling of any term, group k + 1 for term k: one scan finds the first use of each. */
  private static final Pattern ANY = Pattern.compile(BEFORE + "(?:" + String.join("|", TERMS.stream().map(t -> "(" + spellings(t) + ")").toList())
      + ")" + AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final java.util.Set<String> SKIPPED = java.util.Set.of("a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "samp");

  private Glossary() {}

  /**
   * Links the first use of each term in {@code html} (sanitised HTML) to the glossary, skipping
   * code, links and headings. {@code glossaryUrl} is the page's relative URL of the glossary.
   */
  public static String link(String html, String glossaryUrl) {
    if (html.isEmpty()) return html;
    // One pass over the text: the first use of each term, outside tags and skipped elements.
    Matcher any = ANY.matcher(html);
    int[] start = new int[COMPILED.size()];
    int[] end = new int[COMPILED.size()];
    java.util.Arrays.fill(start, -1);
    int found = 0;
    long foundTerms = 0;
    int skipped = 0;
    int i = 0;
    int n = html.length();
    // The scans below read the characters from an array: with the quick compiler String.charAt
    // costs several times an array access, and this runs over every page's text.
    char[] h = html.toCharArray();
    while (i < n && found < start.length) {
      int lt = html.indexOf('<', i);
      int textEnd = lt < 0 ? n : lt;
      if (skipped == 0 && textEnd > i) {
        // What any.find() over the text would find, tried only where a match can start: at a
        // letter that begins a spelling (any non-ASCII letter, which case folding might turn into
        // one), not right after a letter, digit or hyphen. The bounds are transparent so that the
        // look-behind sees the real text before the position tried.
        any.useTransparentBounds(true);
        for (int p = i; p < textEnd && found < start.length; ) {
          char c = h[p];
          boolean candidate = (c >= 128 || FIRST[c]) && (p == 0 || !wordChar(h[p - 1])) && secondMayFollow(h, p + 1, c)
              && !allFound(h, p + 1, c, foundTerms);
          if (!candidate) {
            p++;
            continue;
          }
          any.region(p, textEnd);
          if (!any.lookingAt()) {
            p++;
            continue;
          }
          for (int t = 0; t < start.length; t++) {
            if (any.start(t + 1) >= 0) {
              if (start[t] < 0) {
                start[t] = any.start();
                end[t] = any.end();
                found++;
                foundTerms |= 1L << t;
              }
              break;
            }
          }
          p = Math.max(p + 1, any.end());
        }
      }
      if (lt < 0) break;
      int gt = tagEnd(h, lt);
      boolean closing = lt + 1 < n && h[lt + 1] == '/';
      if (skippedTag(h, closing ? lt + 2 : lt + 1) && h[gt - 1] != '/') {
        skipped = Math.max(0, skipped + (closing ? -1 : 1));
      }
      i = gt + 1;
    }
    if (found == 0) return html;
    Integer[] order = new Integer[start.length];
    for (int t = 0; t < order.length; t++) order[t] = t;
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(t -> start[t]));
    StringBuilder out = new StringBuilder(html.length() + found * 200);
    int from = 0;
    for (int t : order) {
      if (start[t] < 0) continue;
      Term term = COMPILED.get(t).term();
      out.append(html, from, start[t]).append("<a class=\"term\" href=\"").append(attr(glossaryUrl + "#" + term.anchor()))
          .append("\" title=\"").append(attr(term.definition())).append("\">").append(html, start[t], end[t]).append("</a>");
      from = end[t];
    }
    return out.append(html, from, n).toString();
  }

  /** ASCII characters that begin some spelling of a term, in either case. */
  private static final boolean[] FIRST = new boolean[128];

  static {
    for (Term t : TERMS) {
      for (String spelling : t.spellings()) {
        char c = spelling.charAt(0);
        FIRST[Character.toLowerCase(c)] = true;
        FIRST[Character.toUpperCase(c)] = true;
      }
    }
  }

  /**
   * The ASCII pairs that begin some spelling once folded to lower case ({@code de} for deadlock),
   * as a table by the two characters: it is asked at every letter of every page's text.
   */
  private static final boolean[] PAIRS = new boolean[128 * 128];

  static {
    for (Term t : TERMS) {
      for (String spelling : t.spellings()) {
        char a = Character.toLowerCase(spelling.charAt(0));
        char b = Character.toLowerCase(spelling.charAt(1));
        if (a < 128 && b < 128) PAIRS[a * 128 + b] = true;
      }
    }
  }

  /** The terms with a spelling that begins with an ASCII pair once folded to lower case, as bits by the pair. */
  private static final long[] PAIR_TERMS = new long[128 * 128];

  static {
    if (TERMS.size() > 64) throw new IllegalStateException("more terms than bits in a long");
    for (int t = 0; t < TERMS.size(); t++) {
      for (String spelling : TERMS.get(t).spellings()) {
        char a = Character.toLowerCase(spelling.charAt(0));
        char b = Character.toLowerCase(spelling.charAt(1));
        if (a < 128 && b < 128) PAIR_TERMS[a * 128 + b] |= 1L << t;
      }
    }
  }

  /**
   * Whether every term that could start at the ASCII pair {@code first} and the character at
   * {@code at} has been found already: then no match there can link anything, and the pattern is
   * not tried (a narrative uses "latency" or "deadlock" dozens of times; only the first use is
   * linked). A non-ASCII pair is left to the pattern.
   */
  private static boolean allFound(char[] html, int at, char first, long found) {
    if (found == 0 || at >= html.length || first >= 128) return false;
    char second = html[at];
    if (second >= 128) return false;
    long terms = PAIR_TERMS[Character.toLowerCase(first) * 128 + Character.toLowerCase(second)];
    return terms != 0 && (terms & ~found) == 0;
  }

  /**
   * Whether the character at {@code at} may be the second of a spelling that starts with {@code
   * first}: any non-ASCII pair is left to the pattern (case folding), as is the end of the text.
   */
  private static boolean secondMayFollow(char[] html, int at, char first) {
    if (at >= html.length || first >= 128) return true;
    char second = html[at];
    return second >= 128 || PAIRS[Character.toLowerCase(first) * 128 + Character.toLowerCase(second)];
  }

  /** An ASCII letter, digit or hyphen: no term starts right after one. Other characters are left to the pattern. */
  private static boolean wordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-');
  }

  /** The index of the {@code >} that closes the tag opened at {@code lt}, skipping quoted attribute values. */
  private static int tagEnd(char[] html, int lt) {
    char quote = 0;
    for (int k = lt + 1; k < html.length; k++) {
      char ch = html[k];
      if (quote != 0) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '>') {
        return k;
      }
    }
    return html.length - 1;
  }

  /**
   * Whether the tag name from {@code from} (its letters and digits) is one of {@link #SKIPPED},
   * in any case, without making a string of every tag's name.
   */
  private static boolean skippedTag(char[] html, int from) {
    int k = from;
    boolean ascii = true;
    while (k < html.length && Character.isLetterOrDigit(html[k])) ascii &= html[k++] < 128;
    int length = k - from;
    if (!ascii) return SKIPPED.contains(new String(html, from, length).toLowerCase(java.util.Locale.ROOT));
    for (String name : SKIPPED_NAMES) {
      if (name.length() != length) continue;
      int c = 0;
      // ASCII letters and digits: setting bit 5 lowers a capital and leaves the rest as they are.
      while (c < length && (html[from + c] | 0x20) == name.charAt(c)) c++;
      if (c == length) return true;
    }
    return false;
  }

  private static final String[] SKIPPED_NAMES = SKIPPED.toArray(String[]::new);

  private static String attr(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;");
  }

  /**
   * Plain text as escaped HTML, with a footnote mark after the first use of each glossary term;
   * {@code numbers} collects the terms in order of first use across calls.
   */
  public static String footnoted(String plain, java.util.Map<Term, Integer> numbers) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int bestStart = -1;
      int bestEnd = -1;
      Term bestTerm = null;
      for (Compiled c : COMPILED) {
        if (numbers.containsKey(c.term())) continue;
        Matcher m = c.pattern().matcher(plain);
        if (m.find(from) && (bestStart < 0 || m.start() < bestStart)) {
          bestStart = m.start();
          bestEnd = m.end();
          bestTerm = c.term();
        }
      }
      if (bestTerm == null) break;
      numbers.put(bestTerm, numbers.size() + 1);
      out.append(org.jsoup.nodes.Entities.escape(plain.substring(from, bestEnd)))
          .append("<sup class=\"fn\">").append(numbers.get(bestTerm)).append("</sup>");
      from = bestEnd;
    }
    return out.append(org.jsoup.nodes.Entities.escape(plain.substring(from))).toString();
  }
}
