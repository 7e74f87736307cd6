package dev.hindsight.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.model.Incident;
import dev.hindsight.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimilarityTest {
  private static List<Incident> examples() {
    Path root = TestPaths.repoRoot();
    return new Validator().validate(root.resolve("postmortems"), Optional.of(root.resolve("hindsight.yaml"))).incidents();
  }

  @Test
  void findsTheOtherDeadlocksForTheCheckoutOutage() {
    Map<String, List<Similarity.Match>> similar = Similarity.find(examples(), 3);
    assertThat(similar.get("2025-05-20-checkout-outage-reporting-query-deadlock")).extracting(Similarity.Match::id)
        .contains("2025-10-01-orders-db-fulfilment-sync-deadlock", "2025-07-17-orders-db-refund-batch-deadlock");
  }

  @Test
  void theTwoReplicationLagIncidentsAreEachOthersClosestMatch() {
    Map<String, List<Similarity.Match>> similar = Similarity.find(examples(), 3);
    assertThat(similar.get("2025-06-24-orders-replica-lag-stale-order-status").get(0).id()).isEqualTo("2025-08-29-orders-replica-lag-summer-sale");
    assertThat(similar.get("2025-08-29-orders-replica-lag-summer-sale").get(0).id()).isEqualTo("2025-06-24-orders-replica-lag-stale-order-status");
  }

  @Test
  void scoresAreCosinesBetweenZeroAndOneAndSortedBestFirst() {
    for (List<Similarity.Match> matches : Similarity.find(examples(), 5).values()) {
      assertThat(matches).allMatch(m -> m.score() > 0 && m.score() <= 1.0001);
      assertThat(matches).extracting(Similarity.Match::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
  }

  @Test
  void identicalWriteUpsScoreOneAndUnrelatedOnesAreNotListed() {
    String title = "Checkout deadlock between reporting query and payment confirmation";
    String summary = "A reporting query scanned the orders table and deadlocked with checkout transactions.";
    List<Incident> corpus = List.of(
        Incidents.titled("a", title, summary, "deadlock", List.of("orders-db")),
        Incidents.titled("b", title, summary, "deadlock", List.of("orders-db")),
        Incidents.titled("c", "CDN certificate expired on storefront", "Browsers refused the expired TLS certificate.", "network",
            List.of("cdn-edge")));
    Map<String, List<Similarity.Match>> similar = Similarity.find(corpus, 5);
    assertThat(similar.get("a")).extracting(Similarity.Match::id).containsExactly("b");
    assertThat(similar.get("a").get(0).score()).isEqualTo(1.0);
    assertThat(similar.get("c")).isEmpty();
  }

  /**
   * The weights, postings and scores are held in arrays, not in maps of boxed numbers: on a
   * synthetic corpus every incident gets exactly the matches, scores and order the maps give.
   */
  @Test
  void theArrayScoresGiveWhatAMapOfScoresGives(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    new dev.hindsight.bench.SyntheticCorpus(600, 42).write(dir);
    List<Incident> corpus = new Validator().validate(dir.resolve("postmortems"), Optional.of(dir.resolve("hindsight.yaml"))).incidents();
    assertThat(corpus).hasSize(600);
    for (int limit : new int[] {1, 5, 20}) {
      Map<String, List<Similarity.Match>> fast = Similarity.find(corpus, limit);
      assertThat(fast).as("the best %d", limit).isEqualTo(byMapOfScores(corpus, limit));
      assertThat(fast.values().stream().mapToInt(List::size).sum()).as("matches found").isGreaterThan(limit == 1 ? 500 : 1000);
    }
  }

  /** {@link Similarity#find} as it was written first: weights, postings and per-query scores in hash maps. */
  private static Map<String, List<Similarity.Match>> byMapOfScores(List<Incident> incidents, int limit) {
    int n = incidents.size();
    List<Map<String, Double>> counts = incidents.stream().map(Similarity.Text::of).map(Similarity::termCounts).toList();
    Map<String, Integer> df = new java.util.HashMap<>();
    counts.forEach(tf -> tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
    List<Map<String, Double>> vectors = counts.stream().map(tf -> {
      Map<String, Double> v = new java.util.HashMap<>();
      double norm = 0;
      for (Map.Entry<String, Double> e : tf.entrySet()) {
        double w = (1 + Math.log(e.getValue())) * (Math.log((1.0 + n) / (1.0 + df.get(e.getKey()))) + 1);
        v.put(e.getKey(), w);
        norm += w * w;
      }
      double len = Math.sqrt(norm);
      v.replaceAll((t, w) -> w / len);
      return v;
    }).toList();
    int cap = Math.max(Similarity.MIN_POSTINGS_CAP, (int) (n * Similarity.MAX_POSTINGS_SHARE));
    Map<String, List<Map.Entry<Integer, Double>>> postings = new java.util.HashMap<>();
    for (int d = 0; d < n; d++) {
      for (Map.Entry<String, Double> e : vectors.get(d).entrySet()) {
        if (df.get(e.getKey()) <= cap) postings.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(Map.entry(d, e.getValue()));
      }
    }
    Map<String, List<Similarity.Match>> result = new java.util.HashMap<>();
    for (int q = 0; q < n; q++) {
      Map<Integer, Double> scores = new java.util.HashMap<>();
      List<Map.Entry<String, Double>> terms = vectors.get(q).entrySet().stream().filter(e -> postings.containsKey(e.getKey()))
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(Similarity.QUERY_TERMS).toList();
      for (Map.Entry<String, Double> term : terms) {
        for (Map.Entry<Integer, Double> p : postings.get(term.getKey())) {
          if (p.getKey() != q) scores.merge(p.getKey(), term.getValue() * p.getValue(), Double::sum);
        }
      }
      result.put(incidents.get(q).id(), scores.entrySet().stream().filter(e -> e.getValue() >= Similarity.MIN_SCORE)
          .map(e -> new Similarity.Match(incidents.get(e.getKey()).id(), Math.round(e.getValue() * 1000) / 1000.0))
          .sorted(java.util.Comparator.comparingDouble(Similarity.Match::score).reversed().thenComparing(Similarity.Match::id))
          .limit(limit).toList());
    }
    return result;
  }

  @Test
  void tokensDropStopWordsShortWordsAndNumbers() {
    assertThat(Similarity.tokens("The orders-db primary hit 61 million rows, a deadlock!"))
        .containsExactly("orders", "primary", "hit", "million", "rows", "deadlock");
  }

  @Test
  void tokensAreWhatSplittingOnNonWordCharactersGives() {
    String alphabet = "abcXYZ019 _-.,:'\u00e9\u0130\u0131\u4e2d\ud835\udd18theand";
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = r.nextInt(30); k < len; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String text = sb.toString();
      assertThat(Similarity.tokens(text)).as("%s", text).isEqualTo(byPattern(text));
    }
  }

  /** The rule {@link Similarity#tokens} follows, as a regular expression: split the lower-cased text on [^a-z0-9]+. */
  private static List<String> byPattern(String text) {
    List<String> out = new java.util.ArrayList<>();
    for (String t : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
      if (t.length() < 3 || Similarity.STOPWORDS.contains(t) || t.chars().allMatch(Character::isDigit)) continue;
      out.add(t);
    }
    return out;
  }
}
