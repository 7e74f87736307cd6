package dev.hindsight.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.model.Finding;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the site's full-text search index at build time, so that the browser only downloads
 * what a query needs.
 *
 * <p>Layout ({@code data/search/}): {@code docs.json} holds one short record per incident (title,
 * URL, severity, date); {@code texts-NN.json}, in chunks of {@value #TEXT_CHUNK} incidents, the
 * plain text snippets are cut from (summary, RCA, timeline and actions), loaded only for the
 * results shown; {@code vocab.json} the indexed words
 * with their document frequency, which the page hands to Fuse.js (from its webjar) for
 * typo-tolerant matching of query words; and {@code postings-NN.json}, one of {@value #SHARDS}
 * shards chosen by a hash of the word, maps each word to the incidents that contain it with a
 * precomputed BM25 weight over the fields (title x3; summary, RCA, services and tags x2; timeline,
 * actions and narrative x1). A query loads the vocabulary and documents once, then only the shards
 * of its words. A word found in more than {@value #MAX_POSTINGS} incidents keeps only its
 * {@value #MAX_POSTINGS} best-scoring ones: such a word alone cannot rank a large corpus anyway,
 * and the cap bounds both the download and the work per query.
 */
public final class SearchIndex {
  static final int SHARDS = 32;
  static final int TEXT_CHUNK = 200;
  /** Incidents whose words are held at once while the postings are gathered. */
  private static final int BATCH = 1000;
  /** Postings kept per word: the best-scoring incidents. Rarer words keep all of theirs. */
  static final int MAX_POSTINGS = 1000;
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Pattern MARKUP = Pattern.compile("[`*>#]");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Words too common to index; a hash set, as every word of every incident is looked up. */
  static final Set<String> STOP = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(List.of("the", "and", "for", "that", "this", "with", "was", "were", "are", "has", "had",
      "have", "not", "but", "from", "its", "into", "than", "then", "there", "their", "they", "them", "which", "when", "while", "who",
      "what", "where", "why", "how", "all", "any", "our", "out", "been", "can", "could", "would", "should", "will", "did", "does",
      "to", "of", "in", "on", "at", "by", "an", "is", "be", "as", "or", "if", "no", "we", "us", "it", "so", "up")));
  private static final int LONGEST_STOP_WORD = STOP.stream().mapToInt(String::length).max().orElse(0);
  private final ObjectMapper json = new ObjectMapper();

  /** Lower-case words of two or more letters or digits, without stop words: the same rule as search.js. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    forEachWord(text, out::add);
    return out;
  }

  /**
   * Calls {@code sink} with each word of {@code text}: a run of letters and digits (Unicode
   * categories L and N, as {@code [^\\p{L}\\p{N}]+} splits) of the lower-cased text, two or more
   * characters long and not a stop word. A scan rather than a regular expression: the index splits
   * every incident's whole text.
   */
  static void forEachWord(String text, java.util.function.Consumer<String> sink) {
    String lower = text.toLowerCase(Locale.ROOT);
    int n = lower.length();
    int start = -1;
    for (int k = 0; k < n; ) {
      int cp = lower.codePointAt(k);
      int size = Character.charCount(cp);
      if (isWordChar(cp)) {
        if (start < 0) start = k;
      } else if (start >= 0) {
        emit(lower, start, k, sink);
        start = -1;
      }
      k += size;
    }
    if (start >= 0) emit(lower, start, n, sink);
  }

  private static void emit(String lower, int from, int to, java.util.function.Consumer<String> sink) {
    if (to - from < 2) return;
    String w = lower.substring(from, to);
    if (to - from > LONGEST_STOP_WORD || !STOP.contains(w)) sink.accept(w);
  }

  private static boolean isWordChar(int cp) {
    if (cp < 128) return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
    if (Character.isLetter(cp)) return true;
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** The shard of a word: a stable hash that search.js computes the same way. */
  static int shard(String word) {
    int h = 0;
    for (int k = 0; k < word.length(); k++) h = (h * 31 + word.charAt(k)) | 0;
    return Math.floorMod(h, SHARDS);
  }

  /**
   * What the index takes from one incident: its words with their weighted counts (two parallel
   * arrays, in no particular order), their total, and the three snippet texts.
   */
  record Terms(String[] words, double[] weights, double length, String summary, String rca, String rest) {
    /** The terms of a word-to-weight map. */
    static Terms of(Map<String, double[]> tf, double length, String summary, String rca, String rest) {
      String[] words = new String[tf.size()];
      double[] weights = new double[tf.size()];
      int k = 0;
      for (Map.Entry<String, double[]> e : tf.entrySet()) {
        words[k] = e.getKey();
        weights[k++] = e.getValue()[0];
      }
      return new Terms(words, weights, length, summary, rca, rest);
    }

    /**
     * The terms as one text, for a {@link FragmentStore}: each snippet after its length and a colon
     * (a snippet may hold any character), the length, then each word and its weight on a line (a
     * word has only letters and digits).
     */
    String encode() {
      StringBuilder sb = new StringBuilder(summary.length() + rca.length() + rest.length() + words.length * 12);
      for (String snippet : List.of(summary, rca, rest)) sb.append(snippet.length()).append(':').append(snippet);
      number(sb, length);
      for (int k = 0; k < words.length; k++) number(sb.append('\n').append(words[k]).append(' '), weights[k]);
      return sb.toString();
    }

    /** A weight, as a whole number where it is one (they are sums of whole field weights), which reads back quicker. */
    private static void number(StringBuilder sb, double value) {
      if (value == (long) value) sb.append((long) value);
      else sb.append(value);
    }

    private static double number(String text, int from, int to) {
      for (int k = from; k < to; k++) {
        char c = text.charAt(k);
        if (c < '0' || c > '9') return Double.parseDouble(text.substring(from, to));
      }
      return Long.parseLong(text, from, to, 10);
    }

    /** The terms {@link #encode} wrote. */
    static Terms decode(String text) {
      String[] snippets = new String[3];
      int at = 0;
      for (int k = 0; k < 3; k++) {
        int colon = text.indexOf(':', at);
        int size = Integer.parseInt(text, at, colon, 10);
        snippets[k] = text.substring(colon + 1, colon + 1 + size);
        at = colon + 1 + size;
      }
      int line = text.indexOf('\n', at);
      if (line < 0) line = text.length();
      double length = number(text, at, line);
      int count = 0;
      for (int k = line; k >= 0 && k < text.length(); k = text.indexOf('\n', k + 1)) count++;
      String[] words = new String[count];
      double[] weights = new double[count];
      for (int k = 0; line < text.length(); k++) {
        int space = text.indexOf(' ', line + 1);
        int next = text.indexOf('\n', space + 1);
        if (next < 0) next = text.length();
        words[k] = text.substring(line + 1, space);
        weights[k] = number(text, space + 1, next);
        line = next;
      }
      return new Terms(words, weights, length, snippets[0], snippets[1], snippets[2]);
    }
  }

  private static Terms terms(Incident i) {
    String rca = rcaText(i);
    Map<String, double[]> tf = new HashMap<>();
    add(tf, i.title(), 3);
    add(tf, i.summary().orElse(""), 2);
    i.services().forEach(x -> add(tf, x, 2));
    i.tags().forEach(x -> add(tf, x, 2));
    add(tf, rca, 2);
    i.timeline().forEach(e -> add(tf, e.event(), 1));
    i.actions().forEach(a -> {
      add(tf, a.title(), 1);
      add(tf, a.owner(), 1);
    });
    add(tf, i.narrative(), 1);
    double length = 0;
    for (double[] w : tf.values()) length += w[0];
    return Terms.of(tf, length, plain(i.summary().orElse("")), plain(rca),
        plain(i.timeline().stream().map(TimelineEntry::event).reduce("", (a, b) -> a + " " + b)
            + " " + i.actions().stream().map(a -> a.title()).reduce("", (a, b) -> a + " " + b)));
  }

  /**
   * What the index shows of one incident and where its words come from: its record in {@code
   * docs.json} (id, title, severity, day), its source key (null for none) and the incident itself,
   * which may be left out (null) where the words and snippets kept under the source key are to be
   * used.
   */
  public record Doc(String id, String title, String severity, String day, String sourceKey, Incident incident) {
    public Doc {
      java.util.Objects.requireNonNull(id);
      java.util.Objects.requireNonNull(title);
      java.util.Objects.requireNonNull(severity);
      java.util.Objects.requireNonNull(day);
      if (incident == null && sourceKey == null) throw new IllegalArgumentException("an incident or a source key for " + id);
    }

    /** The record of {@code i}, whose day is its start in the site's time zone. */
    public static Doc of(Incident i, SiteConfig config, String sourceKey) {
      return new Doc(i.id(), i.title(), i.severity(), day(i, config), sourceKey, i);
    }

    /** The day an incident started, in the site's time zone, as the index shows it. */
    public static String day(Incident i, SiteConfig config) {
      return i.started().atZoneSameInstant(config.timeZone()).toLocalDate().toString();
    }
  }

  /**
   * Writes the index into {@code dir}, taking each incident's words and snippets from {@code kept}
   * where its source key ({@code sourceKey}, null for none) is unchanged since an earlier build.
   */
  void write(List<Incident> incidents, SiteConfig config, Path dir, java.util.function.Function<Incident, String> sourceKey,
      FragmentStore kept) throws IOException {
    write(incidents.stream().map(i -> Doc.of(i, config, sourceKey.apply(i))).toList(), dir, kept);
  }

  /**
   * Writes the index of {@code docs} into {@code dir}, taking each one's words and snippets from
   * {@code kept} where its source key is unchanged since an earlier build.
   *
   * @throws NotKept when a document without its incident has nothing kept under its source key
   */
  public void write(List<Doc> incidents, Path dir, FragmentStore kept) throws IOException {
    Files.createDirectories(dir);
    int n = incidents.size();
    double[] lengths = new double[n];
    // Every word's postings in document order, gathered in one pass; scored once the counts across incidents are known.
    Map<String, Postings> postings = new HashMap<>(1 << 16);
    ArrayNode docs = json.createArrayNode();
    List<ArrayNode> texts = new ArrayList<>();
    // Each incident's words and snippets on every core, a batch at a time, so that only one
    // batch of them is held at once; the postings in document order after each batch.
    for (int from = 0; from < n; from += BATCH) {
      List<Terms> batch = incidents.subList(from, Math.min(n, from + BATCH)).parallelStream().map(i -> {
        String source = i.sourceKey();
        if (source == null) return terms(i.incident());
        return kept.get(source, () -> {
          if (i.incident() == null) throw new NotKept("the search words of " + i.id());
          return terms(i.incident());
        }, Terms::encode, Terms::decode);
      }).toList();
      for (int k = 0; k < batch.size(); k++) {
        int d = from + k;
        Doc i = incidents.get(d);
        Terms t = batch.get(k);
        lengths[d] = t.length();
        for (int w = 0; w < t.words().length; w++) postings.computeIfAbsent(t.words()[w], word -> new Postings()).add(d, t.weights()[w]);
        ObjectNode doc = docs.addObject();
        doc.put("id", i.id());
        doc.put("t", i.title());
        // the page is incidents/<id>/; search.js builds the link from the id
        doc.put("s", i.severity());
        doc.put("d", i.day());
        if (d % TEXT_CHUNK == 0) texts.add(json.createArrayNode());
        texts.get(d / TEXT_CHUNK).addArray().add(t.summary()).add(t.rca()).add(t.rest());
      }
    }
    inParallel(texts.size(), c -> json.writeValue(dir.resolve(String.format(Locale.ROOT, "texts-%02d.json", c)).toFile(), texts.get(c)));
    double avg = n == 0 ? 1 : java.util.Arrays.stream(lengths).average().orElse(1);
    postings.values().parallelStream().forEach(p -> p.score(n, lengths, avg));
    json.writeValue(dir.resolve("docs.json").toFile(), docs);
    List<String> vocabulary = new ArrayList<>(postings.keySet());
    vocabulary.sort(null);
    try (com.fasterxml.jackson.core.JsonGenerator out = json.getFactory().createGenerator(dir.resolve("vocab.json").toFile(),
        com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      out.writeStartArray();
      for (String w : vocabulary) {
        out.writeStartArray();
        out.writeString(w);
        out.writeNumber(postings.get(w).size);
        out.writeEndArray();
      }
      out.writeEndArray();
    }
    List<List<String>> shards = new ArrayList<>();
    for (int s = 0; s < SHARDS; s++) shards.add(new ArrayList<>());
    for (String w : vocabulary) shards.get(shard(w)).add(w);
    inParallel(SHARDS, s -> {
      try (com.fasterxml.jackson.core.JsonGenerator out = json.getFactory().createGenerator(
          dir.resolve(String.format(Locale.ROOT, "postings-%02d.json", s)).toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
        out.writeStartObject();
        for (String w : shards.get(s)) {
          out.writeFieldName(w);
          postings.get(w).best().write(out);
        }
        out.writeEndObject();
      }
    });
  }

  /** Writing one of a number of files. */
  private interface FileWrite {
    void write(int k) throws IOException;
  }

  /** Writes files {@code 0} to {@code count - 1} on every core. */
  private static void inParallel(int count, FileWrite write) throws IOException {
    try {
      java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
        try {
          write.write(k);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * One word's postings: incidents in document order with their weighted count, then (once {@link
   * #score}d) their BM25 score, in two parallel arrays. Its size is the word's document frequency.
   */
  private static final class Postings {
    private int[] docs;
    private double[] scores;
    private int size;

    Postings() {
      this(4);
    }

    Postings(int capacity) {
      docs = new int[capacity];
      scores = new double[capacity];
    }

    void add(int doc, double score) {
      if (size == docs.length) {
        docs = java.util.Arrays.copyOf(docs, size * 2);
        scores = java.util.Arrays.copyOf(scores, size * 2);
      }
      docs[size] = doc;
      scores[size] = score;
      size++;
    }

    /** Turns each weighted count into its BM25 score, rounded to three decimals, among {@code n} incidents. */
    void score(int n, double[] lengths, double avg) {
      double idf = Math.log(1 + (n - size + 0.5) / (size + 0.5));
      for (int k = 0; k < size; k++) {
        double tf = scores[k];
        double score = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[docs[k]] / avg));
        scores[k] = Math.round(score * 1000) / 1000.0;
      }
    }

    /** The {@value #MAX_POSTINGS} highest-scoring postings (ties: the earlier incident), in document order. */
    Postings best() {
      if (size <= MAX_POSTINGS) return this;
      Integer[] order = new Integer[size];
      for (int k = 0; k < size; k++) order[k] = k;
      java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
      int[] kept = new int[MAX_POSTINGS];
      for (int k = 0; k < MAX_POSTINGS; k++) kept[k] = order[k];
      java.util.Arrays.sort(kept);
      Postings out = new Postings(MAX_POSTINGS);
      for (int k : kept) out.add(docs[k], scores[k]);
      return out;
    }

    void write(com.fasterxml.jackson.core.JsonGenerator out) throws IOException {
      out.writeStartArray();
      for (int k = 0; k < size; k++) {
        out.writeStartArray();
        out.writeNumber(docs[k]);
        out.writeNumber(scores[k]);
        out.writeEndArray();
      }
      out.writeEndArray();
    }
  }

  private static String rcaText(Incident i) {
    return i.rca().map(r -> r.category() + " " + r.trigger().orElse("") + " "
        + r.rootCauses().stream().map(Finding::description).reduce("", (a, b) -> a + " " + b) + " "
        + r.contributingFactors().stream().map(Finding::description).reduce("", (a, b) -> a + " " + b)).orElse("");
  }

  private static void add(Map<String, double[]> tf, String text, double weight) {
    forEachWord(text, w -> tf.computeIfAbsent(w, k -> new double[1])[0] += weight);
  }

  /** Markdown reduced to plain text for snippets. */
  static String plain(String markdown) {
    // Text with no markup character, no link and no whitespace but single spaces is its own snippet.
    if (isPlain(markdown)) return markdown.strip();
    return slowPlain(markdown);
  }

  private static boolean isPlain(String s) {
    char previous = 0;
    for (int k = 0, n = s.length(); k < n; k++) {
      char c = s.charAt(k);
      switch (c) {
        case '`', '*', '>', '#', '[', '\t', '\n', '\u000B', '\f', '\r' -> {
          return false;
        }
        case ' ' -> {
          if (previous == ' ') return false;
        }
        default -> { }
      }
      previous = c;
    }
    return true;
  }

  /** {@link #plain} by the regular expressions, always. */
  static String slowPlain(String markdown) {
    String text = MARKUP.matcher(markdown).replaceAll("");
    return SPACES.matcher(LINK.matcher(text).replaceAll("$1")).replaceAll(" ").strip();
  }

}
