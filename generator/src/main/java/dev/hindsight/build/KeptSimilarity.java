package dev.hindsight.build;

import dev.hindsight.analyze.Analyzer;
import dev.hindsight.analyze.Similarity;
import dev.hindsight.render.FragmentStore;
import dev.hindsight.render.KeyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The similar-incident search of the last build, kept by everything it read ({@link
 * Similarity.Text}: ids, titles, summaries, root causes, services, tags, in corpus order) and used
 * again while none of that changed: an edit to a narrative, a timeline or an action leaves it as it
 * was. The search is the largest part of the analysis (1.4 s of a rebuild at 10,000 incidents) and,
 * being corpus-wide, is otherwise run whole after any edit.
 */
final class KeptSimilarity implements Analyzer.SimilarSearch {
  private final FragmentStore store;
  private final Analyzer.SimilarSearch search;

  KeptSimilarity(FragmentStore store) {
    this(store, Similarity::findAmong);
  }

  /** Keeps in {@code store} what {@code search} finds. */
  KeptSimilarity(FragmentStore store, Analyzer.SimilarSearch search) {
    this.store = store;
    this.search = search;
  }

  @Override
  public Map<String, List<Similarity.Match>> find(List<Similarity.Text> incidents, int limit) {
    StringBuilder all = new StringBuilder(incidents.size() * 600).append(limit).append('\n');
    for (Similarity.Text i : incidents) KeyText.append(all, i);
    // The texts' digest stands for them: the store would otherwise take a digest of some megabytes with SHA-256.
    String inputs = dev.hindsight.model.Digests.murmur128Hex(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      return store.get(inputs, () -> search.find(incidents, limit), found -> encode(incidents, found), text -> decode(incidents, text));
    } catch (RuntimeException damaged) {
      // a kept result that does not read back (a damaged cache) is not used
      return search.find(incidents, limit);
    } finally {
      store.save();
    }
  }

  /** Each incident's matches in corpus order, each as the id's length, a colon, the id, a space and the score, then a space; a line per incident. */
  static String encode(List<Similarity.Text> incidents, Map<String, List<Similarity.Match>> found) {
    StringBuilder text = new StringBuilder(incidents.size() * 200);
    for (Similarity.Text i : incidents) {
      for (Similarity.Match m : found.getOrDefault(i.id(), List.of())) {
        text.append(m.id().length()).append(':').append(m.id()).append(' ').append(m.score()).append(' ');
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The matches {@link #encode} wrote for the same incidents. */
  static Map<String, List<Similarity.Match>> decode(List<Similarity.Text> incidents, String text) {
    Map<String, List<Similarity.Match>> found = new HashMap<>();
    int at = 0;
    for (Similarity.Text i : incidents) {
      List<Similarity.Match> matches = new ArrayList<>();
      while (text.charAt(at) != '\n') {
        int colon = text.indexOf(':', at);
        int length = Integer.parseInt(text, at, colon, 10);
        String id = text.substring(colon + 1, colon + 1 + length);
        int space = text.indexOf(' ', colon + 2 + length);
        matches.add(new Similarity.Match(id, Double.parseDouble(text.substring(colon + 2 + length, space))));
        at = space + 1;
      }
      at++;
      found.put(i.id(), List.copyOf(matches));
    }
    if (at != text.length()) throw new IllegalStateException("kept matches for " + incidents.size() + " incidents hold more");
    return found;
  }
}
