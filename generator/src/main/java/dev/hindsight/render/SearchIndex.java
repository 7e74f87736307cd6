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
import java.util.TreeMap;
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
  /** Postings kept per word: the best-scoring incidents. Rarer words keep all of theirs. */
  static final int MAX_POSTINGS = 1000;
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Pattern MARKUP = Pattern.compile("[`*>#]");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> STOP = Set.of("the", "and", "for", "that", "this", "with", "was", "were", "are", "has", "had",
      "have", "not", "but", "from", "its", "into", "than", "then", "there", "their", "they", "them", "which", "when", "while", "who",
      "what", "where", "why", "how", "all", "any", "our", "out", "been", "can", "could", "would", "should", "will", "did", "does",
      "to", "of", "in", "on", "at", "by", "an", "is", "be", "as", "or", "if", "no", "we", "us", "it", "so", "up");
  private final ObjectMapper json = new ObjectMapper();

  /** Lower-case words of two or more letters or digits, without stop words: the same rule as search.js. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
      if (w.length() >= 2 && !STOP.contains(w)) out.add(w);
    }
    return out;
  }

  /** The shard of a word: a stable hash that search.js computes the same way. */
  static int shard(String word) {
    int h = 0;
    for (int k = 0; k < word.length(); k++) h = (h * 31 + word.charAt(k)) | 0;
    return Math.floorMod(h, SHARDS);
  }

  public void write(List<Incident> incidents, SiteConfig config, Path dir) throws IOException {
    Files.createDirectories(dir);
    int n = incidents.size();
    List<Map<String, Double>> tfs = new ArrayList<>(n);
    double[] lengths = new double[n];
    Map<String, Integer> df = new TreeMap<>();
    ArrayNode docs = json.createArrayNode();
    List<ArrayNode> texts = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      Incident i = incidents.get(d);
      Map<String, Double> tf = new HashMap<>();
      add(tf, i.title(), 3);
      add(tf, i.summary().orElse(""), 2);
      add(tf, String.join(" ", i.services()) + " " + String.join(" ", i.tags()), 2);
      add(tf, rcaText(i), 2);
      add(tf, i.timeline().stream().map(TimelineEntry::event).reduce("", (a, b) -> a + " " + b), 1);
      add(tf, i.actions().stream().map(a -> a.title() + " " + a.owner()).reduce("", (a, b) -> a + " " + b), 1);
      add(tf, i.narrative(), 1);
      tfs.add(tf);
      lengths[d] = tf.values().stream().mapToDouble(Double::doubleValue).sum();
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
      ObjectNode doc = docs.addObject();
      doc.put("id", i.id());
      doc.put("t", i.title());
      // the page is incidents/<id>/; search.js builds the link from the id
      doc.put("s", i.severity());
      doc.put("d", i.started().atZoneSameInstant(config.timeZone()).toLocalDate().toString());
      if (d % TEXT_CHUNK == 0) texts.add(json.createArrayNode());
      texts.get(d / TEXT_CHUNK).addArray()
          .add(plain(i.summary().orElse("")))
          .add(plain(rcaText(i)))
          .add(plain(i.timeline().stream().map(TimelineEntry::event).reduce("", (a, b) -> a + " " + b)
              + " " + i.actions().stream().map(a -> a.title()).reduce("", (a, b) -> a + " " + b)));
    }
    for (int c = 0; c < texts.size(); c++) {
      json.writeValue(dir.resolve(String.format(Locale.ROOT, "texts-%02d.json", c)).toFile(), texts.get(c));
    }
    double avg = n == 0 ? 1 : java.util.Arrays.stream(lengths).average().orElse(1);
    List<Map<String, ArrayNode>> shards = new ArrayList<>();
    for (int s = 0; s < SHARDS; s++) shards.add(new TreeMap<>());
    for (int d = 0; d < n; d++) {
      for (Map.Entry<String, Double> e : tfs.get(d).entrySet()) {
        double idf = Math.log(1 + (n - df.get(e.getKey()) + 0.5) / (df.get(e.getKey()) + 0.5));
        double tf = e.getValue();
        double score = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d] / avg));
        shards.get(shard(e.getKey())).computeIfAbsent(e.getKey(), k -> json.createArrayNode())
            .add(json.createArrayNode().add(d).add(Math.round(score * 1000) / 1000.0));
      }
    }
    json.writeValue(dir.resolve("docs.json").toFile(), docs);
    ArrayNode vocab = json.createArrayNode();
    df.forEach((w, count) -> vocab.add(json.createArrayNode().add(w).add(count)));
    json.writeValue(dir.resolve("vocab.json").toFile(), vocab);
    for (int s = 0; s < SHARDS; s++) {
      ObjectNode shard = json.createObjectNode();
      shards.get(s).forEach((word, list) -> shard.set(word, best(list)));
      json.writeValue(dir.resolve(String.format(Locale.ROOT, "postings-%02d.json", s)).toFile(), shard);
    }
  }

  /** The {@value #MAX_POSTINGS} highest-scoring postings, in document order. */
  private ArrayNode best(ArrayNode postings) {
    if (postings.size() <= MAX_POSTINGS) return postings;
    List<com.fasterxml.jackson.databind.JsonNode> list = new ArrayList<>();
    postings.forEach(list::add);
    list.sort((a, b) -> Double.compare(b.get(1).asDouble(), a.get(1).asDouble()));
    List<com.fasterxml.jackson.databind.JsonNode> kept = new ArrayList<>(list.subList(0, MAX_POSTINGS));
    kept.sort((a, b) -> Integer.compare(a.get(0).asInt(), b.get(0).asInt()));
    ArrayNode out = json.createArrayNode();
    kept.forEach(out::add);
    return out;
  }

  private static String rcaText(Incident i) {
    return i.rca().map(r -> r.category() + " " + r.trigger().orElse("") + " "
        + r.rootCauses().stream().map(Finding::description).reduce("", (a, b) -> a + " " + b) + " "
        + r.contributingFactors().stream().map(Finding::description).reduce("", (a, b) -> a + " " + b)).orElse("");
  }

  private static void add(Map<String, Double> tf, String text, double weight) {
    for (String w : words(text)) tf.merge(w, weight, Double::sum);
  }

  /** Markdown reduced to plain text for snippets. */
  private static String plain(String markdown) {
    String text = MARKUP.matcher(markdown).replaceAll("");
    return SPACES.matcher(LINK.matcher(text).replaceAll("$1")).replaceAll(" ").strip();
  }

}
