package dev.hindsight.analyze;

import dev.hindsight.model.Incident;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, for each incident, the few most similar others by what they say: title, summary, root
 * cause analysis, tags, services and category.
 *
 * <p>Method: TF-IDF vectors (sublinear term frequency, smoothed inverse document frequency,
 * field weights: title x3, category, services and tags x2, summary and RCA x1), compared by cosine
 * similarity. TF-IDF is the standard baseline for "more like this" (it is what Lucene's
 * MoreLikeThis does underneath), needs no training or model files, explains itself (shared rare
 * words score high, common words do not), and on short, jargon-heavy write-ups such as "replication
 * lag on orders-replica" it finds prior art well; Lucene itself would add a large dependency for
 * the same arithmetic.
 *
 * <p>Scale: comparing every pair would be quadratic. Instead each incident is looked up through an
 * inverted index with only its {@value #QUERY_TERMS} heaviest terms (as MoreLikeThis does), and
 * terms that occur in more than {@value #MAX_POSTINGS_SHARE} of the corpus (and at least
 * {@value #MIN_POSTINGS_CAP} incidents) are skipped as too common to tell incidents apart. The work
 * is then bounded by n x {@value #QUERY_TERMS} x the posting cap, linear in the corpus size. The
 * score is the dot product over the query terms: the cosine restricted to the terms that carry
 * most of the weight.
 */
public final class Similarity {
  static final int QUERY_TERMS = 30;
  static final double MAX_POSTINGS_SHARE = 0.05;
  static final int MIN_POSTINGS_CAP = 40;
  static final double MIN_SCORE = 0.08;

  /** One term's postings: the incidents that hold it, in corpus order, and its weight in each. */
  private static final class Postings {
    final int[] docs;
    final double[] weights;
    int size;

    Postings(int capacity) {
      docs = new int[capacity];
      weights = new double[capacity];
    }

    void add(int doc, double weight) {
      docs[size] = doc;
      weights[size++] = weight;
    }
  }

  /** A similar incident and how similar, 0..1. */
  public record Match(String id, double score) {}

  static final Set<String> STOPWORDS = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(List.of(
      "the", "and", "for", "that", "this", "with", "was", "were", "are", "has", "had", "have", "not", "but", "from", "its", "it's",
      "into", "onto", "than", "then", "there", "their", "they", "them", "which", "when", "while", "who", "what", "where", "why",
      "how", "all", "any", "each", "every", "one", "two", "our", "out", "over", "under", "after", "before", "about", "also", "only",
      "more", "most", "some", "such", "same", "other", "been", "being", "can", "could", "would", "should", "will", "did", "does",
      "because", "until", "since", "between", "through", "during", "per", "via", "nor", "off", "own", "too", "very", "just", "yet",
      "these", "those", "his", "her", "him", "she", "you", "your", "whose", "whom", "again", "still", "both", "few", "many", "much",
      "way", "got", "get", "let", "made", "make", "new", "now", "once", "here", "so", "up", "down", "on", "in", "of", "to", "at",
      "by", "an", "a", "is", "be", "as", "or", "if", "no", "we", "us")));

  private Similarity() {}


  /**
   * All that the search reads of an incident: its id and the texts it is compared by. The search
   * sees incidents only through this, so that a build can keep its result by these alone and find
   * it again after an edit that left them as they were (a narrative, an action's status).
   */
  public record Text(String id, String title, Optional<String> summary, Optional<String> category, Optional<String> trigger,
      List<String> findings, List<String> services, List<String> tags) {
    public Text {
      findings = List.copyOf(findings);
      services = List.copyOf(services);
      tags = List.copyOf(tags);
    }

    /** What the search reads of {@code i}; the findings are the root causes' descriptions, then the contributing factors'. */
    public static Text of(Incident i) {
      List<String> findings = new ArrayList<>();
      i.rca().ifPresent(r -> {
        r.rootCauses().forEach(f -> findings.add(f.description()));
        r.contributingFactors().forEach(f -> findings.add(f.description()));
      });
      return new Text(i.id(), i.title(), i.summary(), i.rca().map(r -> r.category()), i.rca().flatMap(r -> r.trigger()), findings,
          i.services(), i.tags());
    }
  }

  /** The top {@code limit} matches of every incident, keyed by id. */
  public static Map<String, List<Match>> find(List<Incident> incidents, int limit) {
    return findAmong(incidents.stream().map(Text::of).toList(), limit);
  }

  /** The top {@code limit} matches of every incident, keyed by id, from what the search reads of each. */
  public static Map<String, List<Match>> findAmong(List<Text> incidents, int limit) {
    int n = incidents.size();
    Map<String, List<Match>> result = new HashMap<>();
    if (n < 2 || limit == 0) {
      incidents.forEach(i -> result.put(i.id(), List.of()));
      return result;
    }
    Weights weights = weigh(incidents);
    int[] df = weights.df();
    int cap = Math.max(MIN_POSTINGS_CAP, (int) (n * MAX_POSTINGS_SHARE));
    // Each term's postings as two arrays (incidents in order, weights), sized by its document frequency.
    Postings[] postings = new Postings[weights.terms().length];
    for (int d = 0; d < n; d++) {
      int[] terms = weights.docTerms()[d];
      for (int k = 0; k < terms.length; k++) {
        int t = terms[k];
        if (df[t] > cap) continue;
        if (postings[t] == null) postings[t] = new Postings(df[t]);
        postings[t].add(d, weights.docWeights()[d][k]);
      }
    }
    // Each incident's query is independent of the others': run them in parallel, keep the order.
    // The scores go in one array per thread (with the list of incidents it touched): the same sums
    // in the same order as a map of boxed scores, without the boxes.
    ThreadLocal<Scores> perThread = ThreadLocal.withInitial(() -> new Scores(n));
    List<List<Match>> tops = java.util.stream.IntStream.range(0, n).parallel().mapToObj(q -> {
      int[] terms = weights.docTerms()[q];
      double[] w = weights.docWeights()[q];
      int[] query = queryTerms(terms, w, weights.terms(), postings);
      Scores scores = perThread.get();
      for (int k : query) {
        double weight = w[k];
        Postings p = postings[terms[k]];
        for (int j = 0; j < p.size; j++) {
          if (p.docs[j] != q) scores.add(p.docs[j], weight * p.weights[j]);
        }
      }
      return scores.top(incidents, limit);
    }).toList();
    for (int q = 0; q < n; q++) result.put(incidents.get(q).id(), tops.get(q));
    return result;
  }

  /**
   * The positions of an incident's {@value #QUERY_TERMS} heaviest terms that have postings, heaviest
   * first and, at equal weight, by the term: the best so far kept in order in a short array.
   */
  private static int[] queryTerms(int[] terms, double[] weights, String[] names, Postings[] postings) {
    int[] best = new int[Math.min(QUERY_TERMS, terms.length)];
    int kept = 0;
    for (int k = 0; k < terms.length; k++) {
      if (postings[terms[k]] == null) continue;
      if (kept == best.length && !heavier(k, best[kept - 1], terms, weights, names)) continue;
      int at = kept < best.length ? kept++ : best.length - 1;
      for (; at > 0 && heavier(k, best[at - 1], terms, weights, names); at--) best[at] = best[at - 1];
      best[at] = k;
    }
    return kept == best.length ? best : java.util.Arrays.copyOf(best, kept);
  }

  private static boolean heavier(int a, int b, int[] terms, double[] weights, String[] names) {
    return weights[a] > weights[b] || weights[a] == weights[b] && names[terms[a]].compareTo(names[terms[b]]) < 0;
  }

  /**
   * One query's scores: a sum per incident and the incidents touched, in the order first touched.
   * Reused by the queries one thread runs, and cleared by {@link #top}.
   */
  private static final class Scores {
    private final double[] sum;
    private final boolean[] seen;
    private int[] touched = new int[64];
    private int size;

    Scores(int n) {
      sum = new double[n];
      seen = new boolean[n];
    }

    void add(int doc, double score) {
      if (!seen[doc]) {
        seen[doc] = true;
        sum[doc] = score;
        if (size == touched.length) touched = java.util.Arrays.copyOf(touched, size * 2);
        touched[size++] = doc;
      } else {
        sum[doc] += score;
      }
    }

    /**
     * The best {@code limit} of at least {@link #MIN_SCORE}, by rounded score, then id; and clears.
     * A query touches thousands of incidents and keeps a handful (at most 20): the best so far are
     * kept in order in a short array, instead of sorting every candidate (the same order, as the
     * ids make it total).
     */
    List<Match> top(List<Text> incidents, int limit) {
      double[] bestScore = new double[limit];
      String[] bestId = new String[limit];
      int kept = 0;
      for (int k = 0; k < size; k++) {
        int doc = touched[k];
        double sum = this.sum[doc];
        seen[doc] = false;
        this.sum[doc] = 0;
        if (sum < MIN_SCORE) continue;
        double score = Math.round(sum * 1000) / 1000.0;
        String id = incidents.get(doc).id();
        if (kept == limit && !ranksBefore(score, id, bestScore[limit - 1], bestId[limit - 1])) continue;
        int at = kept < limit ? kept++ : limit - 1;
        for (; at > 0 && ranksBefore(score, id, bestScore[at - 1], bestId[at - 1]); at--) {
          bestScore[at] = bestScore[at - 1];
          bestId[at] = bestId[at - 1];
        }
        bestScore[at] = score;
        bestId[at] = id;
      }
      size = 0;
      List<Match> top = new ArrayList<>(kept);
      for (int k = 0; k < kept; k++) top.add(new Match(bestId[k], bestScore[k]));
      return List.copyOf(top);
    }

    /** Higher score first, then the lower id. */
    private static boolean ranksBefore(double score, String id, double otherScore, String otherId) {
      return score > otherScore || score == otherScore && id.compareTo(otherId) < 0;
    }
  }

  /**
   * Each incident's term weights (log tf x idf, of unit length): its terms as numbers into {@code
   * terms}, with their weights, in the order of its counts; and each term's document frequency.
   */
  record Weights(String[] terms, int[] df, int[][] docTerms, double[][] docWeights) {}

  static Weights weigh(List<Text> incidents) {
    int n = incidents.size();
    List<Map<String, Double>> counts = incidents.parallelStream().map(Similarity::termCounts).toList();
    // Every term numbered in order of first use, with its document frequency, in one pass.
    Map<String, Integer> numbers = new HashMap<>();
    List<String> terms = new ArrayList<>();
    int[] df = new int[1024];
    int[][] docTerms = new int[n][];
    double[][] docCounts = new double[n][];
    for (int d = 0; d < n; d++) {
      Map<String, Double> tf = counts.get(d);
      int[] t = new int[tf.size()];
      double[] c = new double[tf.size()];
      int k = 0;
      for (Map.Entry<String, Double> e : tf.entrySet()) {
        Integer number = numbers.get(e.getKey());
        if (number == null) {
          number = terms.size();
          numbers.put(e.getKey(), number);
          terms.add(e.getKey());
          if (number == df.length) df = java.util.Arrays.copyOf(df, df.length * 2);
        }
        df[number]++;
        t[k] = number;
        c[k++] = e.getValue();
      }
      docTerms[d] = t;
      docCounts[d] = c;
    }
    int[] frequencies = java.util.Arrays.copyOf(df, terms.size());
    // Each vector from its own counts and the frequencies, on every core: the same sums in the same order as before.
    double[][] docWeights = new double[n][];
    java.util.stream.IntStream.range(0, n).parallel().forEach(d -> {
      double[] c = docCounts[d];
      double[] w = new double[c.length];
      double norm = 0;
      for (int k = 0; k < c.length; k++) {
        w[k] = (1 + Math.log(c[k])) * (Math.log((1.0 + n) / (1.0 + frequencies[docTerms[d][k]])) + 1);
        norm += w[k] * w[k];
      }
      double len = Math.sqrt(norm);
      for (int k = 0; k < w.length; k++) w[k] = w[k] / len;
      docWeights[d] = w;
    });
    return new Weights(terms.toArray(String[]::new), frequencies, docTerms, docWeights);
  }

  static Map<String, Double> termCounts(Text i) {
    Map<String, Double> tf = new HashMap<>();
    add(tf, i.title(), 3);
    i.summary().ifPresent(s -> add(tf, s, 1));
    i.category().ifPresent(category -> {
      tf.merge("category:" + category, 2.0, Double::sum);
      add(tf, category, 2);
    });
    i.trigger().ifPresent(t -> add(tf, t, 1));
    i.findings().forEach(d -> add(tf, d, 1));
    for (String s : i.services()) {
      tf.merge("service:" + s.toLowerCase(Locale.ROOT), 2.0, Double::sum);
      add(tf, s, 1);
    }
    for (String t : i.tags()) {
      tf.merge("tag:" + t.toLowerCase(Locale.ROOT), 2.0, Double::sum);
      add(tf, t, 1);
    }
    return tf;
  }

  /** Lower-case words of three or more letters (digits allowed, not alone), without stop words. */
  static List<String> tokens(String text) {
    // What splitting the lower-cased text on [^a-z0-9]+ gives, by a scan (SimilarityTest compares).
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int n = lower.length();
    int start = -1;
    boolean letters = false;
    for (int k = 0; k <= n; k++) {
      char c = k < n ? lower.charAt(k) : ' ';
      boolean letter = c >= 'a' && c <= 'z';
      if (letter || c >= '0' && c <= '9') {
        if (start < 0) {
          start = k;
          letters = false;
        }
        letters |= letter;
      } else if (start >= 0) {
        if (k - start >= 3 && letters) {
          String t = lower.substring(start, k);
          if (!STOPWORDS.contains(t)) out.add(t);
        }
        start = -1;
      }
    }
    return out;
  }

  private static void add(Map<String, Double> tf, String text, double weight) {
    for (String t : tokens(text)) tf.merge(t, weight, Double::sum);
  }
}
