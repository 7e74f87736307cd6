package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.model.Incident;
import dev.hindsight.validate.ValidationResult;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of corpus-wide files kept between builds: a piece is made once and read back while
 * its inputs are the same, the store keeps only what the last build asked for, and a damaged store
 * is an empty one. The files joined from kept pieces are those a clean build writes.
 */
class FragmentStoreTest {
  @Test
  void aPieceIsMadeOnceAndReadBackByTheNextBuildWhileItsInputsAreTheSame(@TempDir Path dir) {
    AtomicInteger calls = new AtomicInteger();
    FragmentStore first = new FragmentStore(Optional.of(dir), "events");
    assertThat(first.get("due 2026-12-01 · Añadir índice ✓", () -> "piece " + calls.incrementAndGet())).isEqualTo("piece 1");
    assertThat(first.get("due 2026-12-01 · Añadir índice ✓", () -> "piece " + calls.incrementAndGet())).as("the same inputs twice in one build").isEqualTo("piece 2");
    first.save();

    FragmentStore second = new FragmentStore(Optional.of(dir), "events");
    assertThat(second.get("due 2026-12-01 · Añadir índice ✓", () -> "made again")).isEqualTo("piece 1");
    assertThat(second.get("due 2026-12-02", () -> "another")).isEqualTo("another");
    assertThat(second.reused.get()).isEqualTo(1);
    assertThat(second.made.get()).isEqualTo(1);
    second.save();

    FragmentStore otherKind = new FragmentStore(Optional.of(dir), "terms");
    assertThat(otherKind.get("due 2026-12-02", () -> "its own")).as("each kind is a store of its own").isEqualTo("its own");
  }

  @Test
  void theStoreKeepsOnlyWhatTheLastBuildAskedForAndADamagedOneIsEmpty(@TempDir Path dir) throws IOException {
    FragmentStore first = new FragmentStore(Optional.of(dir), "events");
    first.get("a", () -> "kept a");
    first.get("b", () -> "kept b");
    first.save();
    FragmentStore second = new FragmentStore(Optional.of(dir), "events");
    second.get("b", () -> "made b");
    second.save();
    assertThat(new FragmentStore(Optional.of(dir), "events").get("a", () -> "made a")).as("a piece the last build did not ask for is gone")
        .isEqualTo("made a");

    FragmentStore third = new FragmentStore(Optional.of(dir), "events");
    third.get("b", () -> "made b");
    third.save();
    Path file = dir.resolve("events.bin");
    byte[] bytes = Files.readAllBytes(file);
    for (byte[] damaged : List.of(java.util.Arrays.copyOf(bytes, bytes.length - 1), "not a store".getBytes(), new byte[bytes.length], new byte[0])) {
      Files.write(file, damaged);
      assertThat(new FragmentStore(Optional.of(dir), "events").get("b", () -> "made again")).isEqualTo("made again");
    }
    assertThat(new FragmentStore(Optional.empty(), "events").get("b", () -> "without a folder")).isEqualTo("without a folder");
  }

  @Test
  void aStoreThatCannotBeWrittenIsNotKeptAndTheBuildGoesOn(@TempDir Path dir) throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("fragments"), "a file where the folder should be");
    FragmentStore store = new FragmentStore(Optional.of(notAFolder), "events");
    assertThat(store.get("a", () -> "made")).isEqualTo("made");
    store.save();
    assertThat(Files.readString(notAFolder)).isEqualTo("a file where the folder should be");
  }

  @Test
  void anIncidentsSearchTermsReadBackAsTheyWere() {
    Map<String, double[]> tf = new java.util.HashMap<>();
    tf.put("replication", new double[] {7});
    tf.put("lag", new double[] {0.5});
    tf.put("p99", new double[] {1e-7});
    for (SearchIndex.Terms t : List.of(SearchIndex.Terms.of(tf, 7.5000001, "12:34 failover: 3\nlines", "", ":\u0000:"),
        SearchIndex.Terms.of(Map.of(), 0, "", "", ""))) {
      SearchIndex.Terms back = SearchIndex.Terms.decode(t.encode());
      assertThat(List.of(back.summary(), back.rca(), back.rest())).isEqualTo(List.of(t.summary(), t.rca(), t.rest()));
      assertThat(back.length()).isEqualTo(t.length());
      assertThat(back.words()).containsExactly(t.words());
      assertThat(back.weights()).containsExactly(t.weights());
    }
    assertThat(SearchIndex.Terms.of(tf, 0, "", "", "").words()).containsExactlyInAnyOrder("replication", "lag", "p99");
  }

  /** The search index and the calendars of the examples, joined from kept pieces, byte for byte as made afresh. */
  @Test
  void filesJoinedFromKeptPiecesAreTheFilesMadeAfresh(@TempDir Path dir) throws IOException {
    ValidationResult validation = new Validator().validate(TestPaths.repoRoot().resolve("postmortems"),
        Optional.of(TestPaths.repoRoot().resolve("hindsight.yaml")));
    List<Incident> incidents = validation.incidents(false, false);
    assertThat(incidents).hasSizeGreaterThan(5);
    dev.hindsight.analyze.Analysis analysis = new dev.hindsight.analyze.Analyzer(validation.config())
        .analyze(incidents, java.time.LocalDate.parse("2026-11-25"));
    Feeds feeds = new Feeds(validation.config(), new MarkdownRenderer());
    java.util.function.BiFunction<String, String, String> calendarUrl = (kind, name) -> "calendar/" + kind + "-" + Math.abs(name.hashCode()) + ".ics";
    Path store = dir.resolve("fragments");

    Map<String, String> fresh = null;
    for (int build = 0; build < 3; build++) {
      Path site = dir.resolve("site-" + build);
      // build 0 keeps nothing, build 1 makes and keeps every piece, build 2 reads them all back
      Optional<Path> kept = build == 0 ? Optional.empty() : Optional.of(store);
      FragmentStore terms = new FragmentStore(kept, "search-terms");
      FragmentStore events = new FragmentStore(kept, "calendar-events");
      new SearchIndex().write(incidents, validation.config(), site.resolve("data/search"), Incident::id, terms);
      feeds.calendars(incidents, analysis, calendarUrl, site, events);
      terms.save();
      events.save();
      if (build == 2) {
        assertThat(terms.made.get()).as("every incident's terms read back").isZero();
        assertThat(terms.reused.get()).isEqualTo(incidents.size());
        assertThat(events.made.get()).isZero();
        assertThat(events.reused.get()).isPositive();
      }
      Map<String, String> files = tree(site);
      assertThat(files).containsKey("calendar/all.ics").containsKey("data/search/postings-00.json");
      if (fresh == null) fresh = files;
      else assertThat(files).as("build " + build).isEqualTo(fresh);
    }
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) files.put(root.relativize(p).toString(), Files.readString(p));
    }
    return files;
  }
}
