package dev.hindsight.validate;

import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Location;
import dev.hindsight.load.NodePath;
import dev.hindsight.load.SourceDocument;
import dev.hindsight.model.Action;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.BlamePhrase;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentStatus;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Team;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lints that nudge authors towards blameless, data-backed post-mortems with a real plan: all
 * warnings, each at the exact line and column, each switchable per incident with
 * {@code lint_exceptions} and a reason.
 */
public final class Lints {
  private static final NodePath ROOT = NodePath.ROOT;

  private record CompiledPhrase(Pattern pattern, BlamePhrase phrase) {}

  private final SiteConfig config;
  private final List<CompiledPhrase> phrases;
  /** The longest word of every phrase, lower case: lines without one (nearly all) skip the per-phrase patterns. */
  private final AnyWord firstWords;
  private final Set<String> memberNames = new HashSet<>();

  public Lints(SiteConfig config) {
    this.config = config;
    this.phrases = config.blamePhrases().stream().map(p -> new CompiledPhrase(patternOf(p), p)).toList();
    this.firstWords = firstWordsOf(config.blamePhrases());
    for (Team t : config.teams()) t.members().forEach(m -> memberNames.addAll(namesOf(m)));
  }

  /** The pattern of a blame phrase: its words in any case, any white space between them, not inside a longer word. */
  static Pattern patternOf(BlamePhrase p) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p.phrase().strip()).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The longest word of each phrase, folded: a line holding none of them where a word starts matches no phrase. */
  static AnyWord firstWordsOf(List<BlamePhrase> phrases) {
    return new AnyWord(phrases.stream().map(p -> foldCase(java.util.Arrays.stream(p.phrase().strip().split("\\s+"))
        .max(java.util.Comparator.comparingInt(String::length)).orElse(""))).distinct().toList());
  }

  public List<Diagnostic> check(Incident i, SourceDocument doc) {
    List<Diagnostic> out = new ArrayList<>();
    if (!i.exempts("HS601")) {
      blameLanguage(doc, out);
      personAsSubject(i, doc, out);
    }
    if (!i.exempts("HS602")) evidence(i, doc, out);
    if (i.status() != IncidentStatus.DRAFT) {
      if (!i.exempts("HS603")) preventOrDetect(i, doc, out);
      if (!i.exempts("HS604")) lateSev1Actions(i, doc, out);
      if (!i.exempts("HS605")) followUp(i, doc, out);
      if (!i.exempts("HS606")) timeliness(i, doc, out);
    }
    return out;
  }

  /** HS601: phrases that assign individual fault, in the summary, the RCA and the narrative. */
  private void blameLanguage(SourceDocument doc, List<Diagnostic> out) {
    if (phrases.isEmpty()) return;
    dev.hindsight.load.TextLines lines = doc.lines();
    List<int[]> regions = new ArrayList<>();
    region(doc, "summary").ifPresent(regions::add);
    region(doc, "rca").ifPresent(regions::add);
    if (doc.markdownFile()) {
      regions.add(new int[] {doc.narrativeLine(), lines.count()});
    } else {
      region(doc, "narrative").ifPresent(regions::add);
    }
    char[] cs = lines.chars();
    for (int[] r : regions) {
      boolean inFence = false;
      for (int line = r[0]; line <= r[1] && line <= lines.count(); line++) {
        int start = lines.start(line - 1);
        int end = lines.end(line - 1);
        if (fence(cs, start, end)) {
          inFence = !inFence;
          continue;
        }
        if (inFence || line <= doc.frontMatterEnd() && comment(cs, start, end)) continue;
        if (!firstWords.in(cs, start, end)) continue;
        String text = lines.line(line - 1);
        for (CompiledPhrase p : phrases) {
          Matcher m = p.pattern().matcher(text);
          while (m.find()) {
            if (insideCodeSpan(text, m.start())) continue;
            out.add(Diagnostic.warning(new Location(doc.file(), line, m.start() + 1), Code.HS601,
                "`" + m.group() + "` assigns fault to a person; post-mortems here are blameless",
                p.phrase().hint()));
          }
        }
      }
    }
  }

  /** Whether {@code cs[start..end)} is a YAML comment: {@code #} after white space, as {@code stripLeading().startsWith("#")} tells. */
  private static boolean comment(char[] cs, int start, int end) {
    int k = start;
    while (k < end && Character.isWhitespace(cs[k])) k++;
    return k < end && cs[k] == '#';
  }

  /**
   * Whether a text, its case folded, holds any of some words (folded) where a word can start: at
   * its beginning or after a character that is not an ASCII letter or digit. A phrase's pattern
   * matches only where its words start so (after {@code (?<![\p{L}\p{N}])} or {@code \s+}), so a
   * line without any of its phrases' longest words there has no match, and is not matched against
   * every pattern. One pass, folding each character as it goes: at each place a word can start,
   * only the words that start with its letter and the next are compared. (A scan for each word
   * took three quarters of the blame check; folding each line first, then scanning it, half.)
   */
  static final class AnyWord {
    private final String[][] byFirst = new String[128][];
    private final Map<Character, String[]> others = new HashMap<>();
    private final boolean always;
    /** The ASCII pairs some word begins with, by first and second character; a word of one character, or not ASCII, sets {@link #anyPair}. */
    private final boolean[] pairs = new boolean[128 * 128];
    private final boolean anyPair;

    AnyWord(List<String> words) {
      Map<Character, List<String>> grouped = new HashMap<>();
      boolean unpaired = false;
      for (String w : words) {
        if (w.isEmpty()) continue;
        grouped.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        if (w.length() < 2 || w.charAt(0) >= 128 || w.charAt(1) >= 128) unpaired = true;
        else pairs[w.charAt(0) * 128 + w.charAt(1)] = true;
      }
      anyPair = unpaired;
      grouped.forEach((c, ws) -> {
        if (c < 128) byFirst[c] = ws.toArray(String[]::new);
        else others.put(c, ws.toArray(String[]::new));
      });
      always = words.stream().anyMatch(String::isEmpty);
    }

    boolean in(String text) {
      return in(text.toCharArray(), 0, text.length());
    }

    /** Whether the line {@code cs[from..to)} holds one of the words where a word can start. */
    boolean in(char[] cs, int from, int to) {
      if (always) return true;
      boolean afterWordCharacter = false;
      for (int i = from; i < to; i++) {
        char c = cs[i];
        boolean start = !afterWordCharacter;
        afterWordCharacter = c < 128 && WORD_CHARACTER[c];
        if (!start) continue;
        char f = fold(c);
        String[] candidates = f < 128 ? byFirst[f] : others.isEmpty() ? null : others.get(f);
        if (candidates == null) continue;
        // Most letters that begin a word begin none here with the letter after them.
        if (!anyPair) {
          char next = i + 1 < to ? fold(cs[i + 1]) : 128;
          if (next >= 128 || !pairs[f * 128 + next]) continue;
        }
        for (String w : candidates) if (foldedAt(cs, to, i, w)) return true;
      }
      return false;
    }

    /** Whether {@code word} (folded) stands at {@code i} in {@code cs}, before {@code to}, once folded. */
    private static boolean foldedAt(char[] cs, int to, int i, String word) {
      int len = word.length();
      if (i + len > to) return false;
      for (int k = 0; k < len; k++) {
        if (fold(cs[i + k]) != word.charAt(k)) return false;
      }
      return true;
    }
  }

  /** ASCII letters and digits: a word cannot start right after one. */
  private static final boolean[] WORD_CHARACTER = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) WORD_CHARACTER[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** A character's case folded, as the case-insensitive patterns compare (so "İ" stays one char, "i"). */
  private static char fold(char c) {
    if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /**
   * Whether a line opens or closes a fenced code block: at most three whitespace characters, then
   * three backticks or tildes (what {@code ^\s{0,3}(```|~~~)} finds, without a matcher a line).
   */
  static boolean fence(String line) {
    return fence(line.toCharArray(), 0, line.length());
  }

  /** {@link #fence(String)} of the line in {@code cs[start..end)}. */
  static boolean fence(char[] cs, int start, int end) {
    int k = start;
    while (k < start + 3 && k < end && isRegexSpace(cs[k])) k++;
    return Chars.at(cs, end, k, "```") || Chars.at(cs, end, k, "~~~");
  }

  /** What {@code \s} matches in a Java pattern without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** {@link #fold} of each character of {@code text}. */
  private static String foldCase(String text) {
    char[] chars = text.toCharArray();
    for (int k = 0; k < chars.length; k++) chars[k] = fold(chars[k]);
    return new String(chars);
  }

  /** HS601 too: a root cause or factor whose subject is a person ("Maria ran the migration..."). */
  private void personAsSubject(Incident i, SourceDocument doc, List<Diagnostic> out) {
    if (i.rca().isEmpty()) return;
    // The team members' names are shared; only the incident's own people are added (a copy of all
    // members for every incident was a sixth of this lint).
    Set<String> own = new HashSet<>();
    i.authors().forEach(a -> own.addAll(namesOf(a)));
    i.facilitator().ifPresent(f -> own.addAll(namesOf(f)));
    java.util.function.Predicate<String> person = name -> memberNames.contains(name) || own.contains(name);
    dev.hindsight.model.Rca rca = i.rca().get();
    findingsWithPerson(rca.rootCauses(), ROOT.field("rca").field("root_causes"), person, doc, out);
    findingsWithPerson(rca.contributingFactors(), ROOT.field("rca").field("contributing_factors"), person, doc, out);
  }

  private static void findingsWithPerson(List<Finding> findings, NodePath base, java.util.function.Predicate<String> person,
      SourceDocument doc, List<Diagnostic> out) {
    for (int k = 0; k < findings.size(); k++) {
      String first = subject(findings.get(k).description());
      if (!first.isEmpty() && person.test(first)) {
        out.add(Diagnostic.warning(doc.map().value(base.index(k).field("description")), Code.HS601,
            "this " + (base.lastField().equals("root_causes") ? "root cause" : "contributing factor") + " makes a person (`" + first + "`) its subject",
            "make the system the subject: what allowed the action to have this effect, and what would have caught it?"));
      }
    }
  }

  /**
   * The first word of a finding, as a name would stand there: up to the first white space, comma,
   * colon or semicolon, without a possessive {@code 's} ({@code Alice's change} gives {@code Alice}).
   */
  static String subject(String description) {
    String text = description.strip();
    int end = 0;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (isRegexSpace(c) || c == ',' || c == ':' || c == ';') break; // as [\s,:;] matches
      end++;
    }
    if (end >= 2 && text.charAt(end - 1) == 's' && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’')) end -= 2;
    return text.substring(0, end);
  }

  /** HS602: claims without data. */
  private static void evidence(Incident i, SourceDocument doc, List<Diagnostic> out) {
    i.rca().ifPresent(rca -> {
      unbacked(rca.rootCauses(), ROOT.field("rca").field("root_causes"), "root cause", doc, out);
      unbacked(rca.contributingFactors(), ROOT.field("rca").field("contributing_factors"), "contributing factor", doc, out);
    });
  }

  private static void unbacked(List<Finding> findings, NodePath base, String what, SourceDocument doc, List<Diagnostic> out) {
    for (int k = 0; k < findings.size(); k++) {
      if (findings.get(k).evidence().isEmpty()) {
        out.add(Diagnostic.warning(doc.map().value(base.index(k)), Code.HS602, what + " " + (k + 1) + " cites no evidence",
            "add `evidence:` with the metric id, timeline id, file (such as a query plan) or link that shows it"));
      }
    }
  }

  /** HS603: a severe incident whose plan neither prevents a recurrence nor detects it sooner. */
  private void preventOrDetect(Incident i, SourceDocument doc, List<Diagnostic> out) {
    if (config.severityRank(i.severity()) > 1 || i.actions().isEmpty()) return;
    boolean covered = i.actions().stream().anyMatch(a -> a.status() != ActionStatus.WONT_DO
        && (a.type() == ActionType.PREVENT || a.type() == ActionType.DETECT));
    if (!covered) {
      out.add(Diagnostic.warning(doc.map().key(ROOT.field("actions")), Code.HS603,
          "this " + i.severity() + " incident has no action that prevents a recurrence or detects it sooner",
          "add an action of type `prevent` (remove the cause) or `detect` (an alert, a check) besides the mitigations"));
    }
  }

  /** HS604: actions of the most severe incidents that are due long after resolution. */
  private void lateSev1Actions(Incident i, SourceDocument doc, List<Diagnostic> out) {
    if (config.severityRank(i.severity()) != 0 || i.resolved().isEmpty()) return;
    int days = config.analysis().sev1MaxActionDays();
    LocalDate limit = i.resolved().get().toLocalDate().plusDays(days);
    for (int k = 0; k < i.actions().size(); k++) {
      Action a = i.actions().get(k);
      if (a.status() != ActionStatus.WONT_DO && a.due().isAfter(limit)) {
        out.add(Diagnostic.warning(doc.map().value(ROOT.field("actions").index(k).field("due")), Code.HS604,
            "action `" + a.id() + "` of a " + i.severity() + " incident is due " + a.due() + ", more than " + days + " days after resolution",
            "split it into a first step due by " + limit + " and a follow-up, or explain the date in `lint_exceptions`"));
      }
    }
  }

  /** HS605: a published post-mortem nobody will come back to. */
  private static void followUp(Incident i, SourceDocument doc, List<Diagnostic> out) {
    if (i.status() == IncidentStatus.PUBLISHED && i.reviewOn().isEmpty()) {
      out.add(Diagnostic.warning(doc.map().value(ROOT.field("status")), Code.HS605, "this published post-mortem has no follow-up review date",
          "add `follow_up: {review_on: YYYY-MM-DD}`, when the team checks that the actions were done"));
    }
  }

  /** HS606: the action plan reached people long after the incident. */
  private void timeliness(Incident i, SourceDocument doc, List<Diagnostic> out) {
    if (i.publishedOn().isEmpty() || i.resolved().isEmpty()) return;
    int days = config.analysis().publishWithinDays();
    LocalDate resolved = i.resolved().get().toLocalDate();
    long late = java.time.temporal.ChronoUnit.DAYS.between(resolved, i.publishedOn().get());
    if (late > days) {
      out.add(Diagnostic.warning(doc.map().value(ROOT.field("published_on")), Code.HS606,
          "published " + late + " days after the incident was resolved (the target is " + days + ")",
          "circulate a first version with the action plan within a day or two, and refine it afterwards"));
    }
  }

  /** The lines a top-level field spans: from its key to the line before the next key. */
  private static java.util.Optional<int[]> region(SourceDocument doc, String field) {
    if (!doc.data().has(field)) return java.util.Optional.empty();
    int start = doc.map().key(ROOT.field(field)).line();
    int end = doc.frontMatterEnd();
    Iterator<String> names = doc.data().fieldNames();
    while (names.hasNext()) {
      int line = doc.map().key(ROOT.field(names.next())).line();
      if (line > start && line - 1 < end) end = line - 1;
    }
    return java.util.Optional.of(new int[] {start, end});
  }

  private static boolean insideCodeSpan(String line, int index) {
    int ticks = 0;
    for (int k = 0; k < index; k++) if (line.charAt(k) == '`') ticks++;
    return ticks % 2 == 1;
  }

  /** The ways a configured person may be named: the id and its capitalised first part. */
  static List<String> namesOf(String person) {
    String first = person.split("[._\\s-]", 2)[0];
    if (first.isEmpty()) return List.of(person);
    return List.of(person, first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1));
  }
}
