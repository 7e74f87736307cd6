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
  static final int TEXT_CHUNK = 25;
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
    write(incidents.stream().map(i -> Doc.of(i, config, sourceKey.apply(i))).toList(), dir, kept, java.util.Optional.empty());
  }

  /**
   * Writes the index of {@code docs} into {@code dir}, taking each one's words and snippets from
   * {@code kept} where its source key is unchanged since an earlier build.
   *
   * @param raw where to keep the words' postings before scoring, for {@link #update} (none: not kept)
   * @throws NotKept when a document without its incident has nothing kept under its source key
   */
  public void write(List<Doc> incidents, Path dir, FragmentStore kept, java.util.Optional<Path> raw) throws IOException {
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
      List<Terms> batch = incidents.subList(from, Math.min(n, from + BATCH)).parallelStream().map(i -> termsOf(i, kept)).toList();
      int first = from;
      gather(batch, first, postings);
      for (int k = 0; k < batch.size(); k++) {
        int d = from + k;
        Doc i = incidents.get(d);
        Terms t = batch.get(k);
        lengths[d] = t.length();
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
    if (raw.isPresent()) {
      List<String> keys = incidents.stream().map(Doc::sourceKey).toList();
      if (keys.contains(null)) Files.deleteIfExists(raw.get());
      else Raw.save(raw.get(), keys, lengths, postings);
    }
    inParallel(texts.size(), c -> json.writeValue(dir.resolve(String.format(Locale.ROOT, "texts-%02d.json", c)).toFile(), texts.get(c)));
    json.writeValue(dir.resolve("docs.json").toFile(), docs);
    writePostings(postings, n, lengths, dir);
  }

  /**
   * Writes the index again into {@code dir}, over the one the last {@link #write} or update left
   * there, after the documents at {@code changed} (their places in {@code incidents}) changed what
   * the search reads of them but nothing that {@code docs.json} shows: from the postings it kept
   * ({@code raw}), their old words are taken out and their new ones put in, and the vocabulary,
   * every shard (the scores read every document's length) and the chunks of snippets that hold a
   * changed document are written; {@code docs.json} and the other chunks are left as they are.
   * The result is what {@link #write} makes of the same documents.
   *
   * @param previous each document's source key when the postings were kept
   * @throws NotKept when the kept postings are not those of {@code previous}, or the words of a
   *     document the update needs are no longer kept
   */
  public void update(List<Doc> incidents, List<String> previous, java.util.SortedSet<Integer> changed, Path dir, FragmentStore kept, Path raw)
      throws IOException {
    int n = incidents.size();
    Raw last = Raw.read(raw);
    if (last == null || !last.keys().equals(previous) || previous.size() != n) throw new NotKept("the search index's postings");
    Map<String, Postings> postings = last.postings();
    double[] lengths = last.lengths();
    for (int d : changed) {
      Terms before = kept.get(previous.get(d), () -> {
        throw new NotKept("the search words of " + incidents.get(d).id());
      }, Terms::encode, Terms::decode);
      Terms after = termsOf(incidents.get(d), kept);
      for (String w : before.words()) {
        Postings p = postings.get(w);
        if (p != null && p.remove(d) && p.size == 0) postings.remove(w);
      }
      for (int w = 0; w < after.words().length; w++) postings.computeIfAbsent(after.words()[w], word -> new Postings()).insert(d, after.weights()[w]);
      lengths[d] = after.length();
    }
    Files.createDirectories(dir);
    Raw.save(raw, incidents.stream().map(Doc::sourceKey).toList(), lengths, postings);
    for (int c : changed.stream().map(d -> d / TEXT_CHUNK).distinct().toList()) {
      ArrayNode chunk = json.createArrayNode();
      for (int d = c * TEXT_CHUNK; d < Math.min(n, (c + 1) * TEXT_CHUNK); d++) {
        Terms t = termsOf(incidents.get(d), kept);
        chunk.addArray().add(t.summary()).add(t.rca()).add(t.rest());
      }
      json.writeValue(dir.resolve(String.format(Locale.ROOT, "texts-%02d.json", c)).toFile(), chunk);
    }
    writePostings(postings, n, lengths, dir);
  }

  /** A document's words and snippets: kept under its source key, or made from its incident. */
  private static Terms termsOf(Doc i, FragmentStore kept) {
    String source = i.sourceKey();
    if (source == null) return terms(i.incident());
    return kept.get(source, () -> {
      if (i.incident() == null) throw new NotKept("the search words of " + i.id());
      return terms(i.incident());
    }, Terms::encode, Terms::decode);
  }

  /** Scores the postings (weighted counts, which this turns into scores) and writes the vocabulary and the shards. */
  private void writePostings(Map<String, Postings> postings, int n, double[] lengths, Path dir) throws IOException {
    double avg = n == 0 ? 1 : java.util.Arrays.stream(lengths).average().orElse(1);
    postings.values().parallelStream().forEach(p -> p.score(n, lengths, avg));
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

  /**
   * Adds the words of {@code batch} (documents {@code first} on) to {@code postings}, in document
   * order: its two halves are gathered on two threads into maps of their own, and the second
   * half's postings appended after the first's, which halves the time of the largest part of the
   * index (a few million words at 10,000 incidents) on two cores.
   */
  private static void gather(List<Terms> batch, int first, Map<String, Postings> postings) {
    int half = batch.size() / 2;
    java.util.concurrent.CompletableFuture<Map<String, Postings>> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      Map<String, Postings> own = new HashMap<>(1 << 14);
      add(batch.subList(half, batch.size()), first + half, own);
      return own;
    });
    add(batch.subList(0, half), first, postings);
    second.join().forEach((word, more) -> {
      Postings p = postings.get(word);
      if (p == null) postings.put(word, more);
      else p.addAll(more);
    });
  }

  private static void add(List<Terms> terms, int first, Map<String, Postings> postings) {
    for (int k = 0; k < terms.size(); k++) {
      Terms t = terms.get(k);
      for (int w = 0; w < t.words().length; w++) postings.computeIfAbsent(t.words()[w], word -> new Postings()).add(first + k, t.weights()[w]);
    }
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

    /** Takes {@code doc} out; whether it was there. */
    boolean remove(int doc) {
      int at = java.util.Arrays.binarySearch(docs, 0, size, doc);
      if (at < 0) return false;
      System.arraycopy(docs, at + 1, docs, at, size - at - 1);
      System.arraycopy(scores, at + 1, scores, at, size - at - 1);
      size--;
      return true;
    }

    /** Puts {@code doc} in its place in document order. */
    void insert(int doc, double score) {
      int at = java.util.Arrays.binarySearch(docs, 0, size, doc);
      if (at >= 0) throw new IllegalStateException("document " + doc + " twice");
      at = -at - 1;
      add(doc, score);
      System.arraycopy(docs, at, docs, at + 1, size - 1 - at);
      System.arraycopy(scores, at, scores, at + 1, size - 1 - at);
      docs[at] = doc;
      scores[at] = score;
    }

    /** Appends another's postings, all of later documents. */
    void addAll(Postings more) {
      if (size + more.size > docs.length) {
        docs = java.util.Arrays.copyOf(docs, size + more.size);
        scores = java.util.Arrays.copyOf(scores, size + more.size);
      }
      System.arraycopy(more.docs, 0, docs, size, more.size);
      System.arraycopy(more.scores, 0, scores, size, more.size);
      size += more.size;
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


  /**
   * The words' postings before scoring (each a document and its weighted count, in document
   * order), each document's length and its source key: what {@link #update} starts from, kept in
   * the cache beside the documents' words. About 12 bytes a posting, read back in bulk.
   */
  private record Raw(List<String> keys, double[] lengths, Map<String, Postings> postings) {
    static final String FORMAT = "hindsight-search-postings-1";

    static void save(Path file, List<String> keys, double[] lengths, Map<String, Postings> postings) throws IOException {
      Files.createDirectories(file.getParent());
      Path next = file.resolveSibling(file.getFileName() + ".new");
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(next), 1 << 16))) {
        text(out, FORMAT);
        out.writeInt(keys.size());
        for (String key : keys) text(out, key);
        java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(lengths.length * 8);
        all.asDoubleBuffer().put(lengths);
        out.write(all.array());
        out.writeInt(postings.size());
        for (Map.Entry<String, Postings> e : postings.entrySet()) {
          Postings p = e.getValue();
          text(out, e.getKey());
          out.writeInt(p.size);
          java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(p.size * 12);
          bytes.asIntBuffer().put(p.docs, 0, p.size);
          bytes.position(p.size * 4);
          bytes.asDoubleBuffer().put(p.scores, 0, p.size);
          out.write(bytes.array());
        }
        text(out, FORMAT);
      }
      Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The postings kept in {@code file}; null when there are none or they do not read back whole. */
    static Raw read(Path file) {
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
        java.nio.ByteBuffer in = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
        if (!FORMAT.equals(utf(in))) return null;
        int n = in.getInt();
        List<String> keys = new ArrayList<>(n);
        for (int k = 0; k < n; k++) keys.add(utf(in));
        double[] lengths = new double[n];
        in.asDoubleBuffer().get(lengths);
        in.position(in.position() + n * 8);
        int words = in.getInt();
        Map<String, Postings> postings = new HashMap<>(words * 2);
        for (int w = 0; w < words; w++) {
          String word = utf(in);
          int size = in.getInt();
          Postings p = new Postings(Math.max(1, size));
          in.asIntBuffer().get(p.docs, 0, size);
          in.position(in.position() + size * 4);
          in.asDoubleBuffer().get(p.scores, 0, size);
          in.position(in.position() + size * 8);
          p.size = size;
          postings.put(word, p);
        }
        if (!FORMAT.equals(utf(in)) || in.hasRemaining()) return null;
        return new Raw(keys, lengths, postings);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /** A text as its length and UTF-8 bytes (a word or a key never holds half a surrogate pair). */
    private static void text(java.io.DataOutputStream out, String text) throws IOException {
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    private static String utf(java.nio.ByteBuffer in) {
      byte[] bytes = new byte[in.getInt()];
      in.get(bytes);
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
