package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.analyze.Similarity;
import dev.hindsight.render.FragmentStore;
import dev.hindsight.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The similar-incident search is run again only when what it reads changed. */
class KeptSimilarityTest {
  private static List<Similarity.Text> examples() {
    Path root = TestPaths.repoRoot();
    return new Validator().validate(root.resolve("postmortems"), Optional.of(root.resolve("hindsight.yaml"))).incidents().stream()
        .map(Similarity.Text::of).toList();
  }

  /** The search, counting its runs. */
  private static final class Counted implements Analyzer.SimilarSearch {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public Map<String, List<Similarity.Match>> find(List<Similarity.Text> incidents, int limit) {
      runs.incrementAndGet();
      return Similarity.findAmong(incidents, limit);
    }
  }

  private static KeptSimilarity nextBuild(Path dir, Counted search) {
    return new KeptSimilarity(new FragmentStore(Optional.of(dir), "similar-incidents"), search);
  }

  @Test
  void theLastBuildsMatchesAreUsedWhileTheTextsAreTheSameAndFoundAfreshWhenOneChanges(@TempDir Path dir) {
    List<Similarity.Text> texts = examples();
    Map<String, List<Similarity.Match>> expected = Similarity.findAmong(texts, 3);
    assertThat(expected.values().stream().mapToInt(List::size).sum()).as("matches to keep").isGreaterThan(10);
    Counted search = new Counted();

    assertThat(nextBuild(dir, search).find(texts, 3)).isEqualTo(expected);
    assertThat(nextBuild(dir, search).find(texts, 3)).as("read back, score for score").isEqualTo(expected);
    assertThat(search.runs).as("searched once, then kept").hasValue(1);

    assertThat(nextBuild(dir, search).find(texts, 2)).isEqualTo(Similarity.findAmong(texts, 2));
    assertThat(search.runs).as("another number of matches is another search").hasValue(2);

    // One incident now reads like another: its matches, and theirs, change.
    List<Similarity.Text> edited = new ArrayList<>(texts);
    Similarity.Text first = texts.get(0);
    Similarity.Text other = texts.get(texts.size() - 1);
    edited.set(0, new Similarity.Text(first.id(), other.title(), other.summary(), other.category(), other.trigger(), other.findings(),
        other.services(), other.tags()));
    Map<String, List<Similarity.Match>> afterTheEdit = nextBuild(dir, search).find(edited, 3);
    assertThat(afterTheEdit).isEqualTo(Similarity.findAmong(edited, 3)).isNotEqualTo(expected);
    assertThat(afterTheEdit.get(first.id()).get(0).id()).as("its closest match is the one it now reads like").isEqualTo(other.id());
    assertThat(search.runs).hasValue(3);
  }

  @Test
  void everyComponentOfWhatTheSearchReadsIsPartOfItsText() {
    Similarity.Text base = new Similarity.Text("a", "Replica lag", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.of("a batch"),
        List.of("no throttle"), List.of("orders-db"), List.of("replica"));
    List<Similarity.Text> variants = List.of(
        new Similarity.Text("b", "Replica lag", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.of("a batch"), List.of("no throttle"), List.of("orders-db"), List.of("replica")),
        new Similarity.Text("a", "Replica lag!", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.of("a batch"), List.of("no throttle"), List.of("orders-db"), List.of("replica")),
        new Similarity.Text("a", "Replica lag", Optional.empty(), Optional.of("replication-lag"), Optional.of("a batch"), List.of("no throttle"), List.of("orders-db"), List.of("replica")),
        new Similarity.Text("a", "Replica lag", Optional.of("Lag grew"), Optional.of("deadlock"), Optional.of("a batch"), List.of("no throttle"), List.of("orders-db"), List.of("replica")),
        new Similarity.Text("a", "Replica lag", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.empty(), List.of("no throttle"), List.of("orders-db"), List.of("replica")),
        new Similarity.Text("a", "Replica lag", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.of("a batch"), List.of(), List.of("orders-db"), List.of("replica")),
        // the same words, moved from one list to the next
        new Similarity.Text("a", "Replica lag", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.of("a batch"), List.of("no throttle", "orders-db"), List.of(), List.of("replica")),
        new Similarity.Text("a", "Replica lag", Optional.of("Lag grew"), Optional.of("replication-lag"), Optional.of("a batch"), List.of("no throttle"), List.of("orders-db"), List.of()));
    for (Similarity.Text v : variants) assertThat(text(v)).as("%s", v).isNotEqualTo(text(base));
  }

  @Test
  void matchesReadBackAsTheyWereWrittenWhateverTheIdsHold() {
    List<Similarity.Text> texts = List.of(text("a b:1"), text("x\ny"), text("lone"));
    Map<String, List<Similarity.Match>> found = Map.of("a b:1", List.of(new Similarity.Match("x\ny", 0.125), new Similarity.Match("lone", 0.08)),
        "x\ny", List.of(new Similarity.Match("a b:1", 1.0)), "lone", List.of());
    assertThat(KeptSimilarity.decode(texts, KeptSimilarity.encode(texts, found))).isEqualTo(found);
  }

  private static Similarity.Text text(String id) {
    return new Similarity.Text(id, "t", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
  }

  private static String text(Similarity.Text t) {
    return dev.hindsight.render.KeyText.of(t);
  }
}
