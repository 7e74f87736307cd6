package dev.hindsight.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicPublisherTest {
  @Test
  void commitSwapsTheStagedSiteInWhole(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("site");
    Files.createDirectories(out);
    Files.writeString(out.resolve("old.html"), "old");
    AtomicPublisher publisher = new AtomicPublisher(out);
    Path staging = publisher.stage();
    Files.writeString(staging.resolve("new.html"), "new");
    publisher.commit(staging);
    assertThat(out.resolve("new.html")).hasContent("new");
    assertThat(out.resolve("old.html")).doesNotExist();
    assertThat(dir.toFile().list()).containsOnly("site");
  }

  /** A large old site (emptied in parallel) goes whole; a link in it is removed, never followed. */
  @Test
  void theOldSiteIsDeletedWholeWithoutFollowingLinks(@TempDir Path dir) throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep");
    Path out = Files.createDirectories(dir.resolve("site/incidents"));
    for (int k = 0; k < 300; k++) {
      Path page = Files.createDirectories(out.resolve("i-" + k));
      Files.createDirectories(page.resolve("files"));
      Files.writeString(page.resolve("index.html"), "page " + k);
      Files.writeString(page.resolve("files/cpu.csv"), "time,value\n");
    }
    Files.createSymbolicLink(out.resolve("i-7/outside"), outside);
    AtomicPublisher publisher = new AtomicPublisher(dir.resolve("site"));
    Path staging = publisher.stage();
    Files.writeString(staging.resolve("index.html"), "new");
    publisher.commit(staging);
    assertThat(dir.resolve("site/index.html")).hasContent("new");
    assertThat(dir.resolve("site/incidents")).doesNotExist();
    assertThat(dir.toFile().list()).containsOnly("site", "outside");
    assertThat(outside.resolve("keep.txt")).hasContent("keep");
  }

  /**
   * With a spare, the replaced site is kept holding only its hard links (what the caches share with
   * it); the next staging folder starts from it, and the links that build did not place again are
   * swept before the swap, with the folders they leave empty.
   */
  @Test
  void theReplacedSitesLinksAreWhereTheNextBuildStartsAndWhatItDoesNotPlaceIsSwept(@TempDir Path dir) throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path spare = dir.resolve("cache/spare");
    Path out = dir.resolve("site");
    AtomicPublisher first = new AtomicPublisher(out, java.util.Optional.of(spare));
    Path staging = first.stage();
    for (String page : java.util.List.of("a", "b")) {
      Path file = Files.createDirectories(staging.resolve("incidents").resolve(page)).resolve("index.html");
      Files.writeString(cache.resolve(page + ".html"), "page " + page);
      Files.createLink(file, cache.resolve(page + ".html"));
    }
    Files.writeString(staging.resolve("data.json"), "{}");
    first.commit(staging);
    assertThat(spare).doesNotExist();

    AtomicPublisher second = new AtomicPublisher(out, java.util.Optional.of(spare));
    staging = second.stage();
    Files.writeString(staging.resolve("data.json"), "{\"new\": true}");
    second.commit(staging);
    assertThat(spare.resolve("incidents/a/index.html")).hasContent("page a");
    assertThat(spare.resolve("data.json")).as("only links are kept").doesNotExist();

    AtomicPublisher third = new AtomicPublisher(out, java.util.Optional.of(spare));
    staging = third.stage();
    assertThat(spare).as("the next build starts from it").doesNotExist();
    assertThat(staging.resolve("incidents/b/index.html")).hasContent("page b");
    Files.writeString(staging.resolve("data.json"), "{}");
    third.commit(staging, java.util.Set.of(staging.resolve("incidents/a/index.html")));
    assertThat(out.resolve("incidents/a/index.html")).hasContent("page a");
    assertThat(out.resolve("incidents/b")).as("not placed again: swept, with its folder").doesNotExist();
    assertThat(out.resolve("data.json")).hasContent("{}");
    assertThat(dir.toFile().list()).containsOnly("site", "cache");
  }

  @Test
  void abortLeavesTheOutputUntouched(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("site"));
    Files.writeString(out.resolve("old.html"), "old");
    AtomicPublisher publisher = new AtomicPublisher(out);
    Path staging = publisher.stage();
    Files.writeString(staging.resolve("half.html"), "half");
    publisher.abort(staging);
    assertThat(out.resolve("old.html")).hasContent("old");
    assertThat(dir.toFile().list()).containsOnly("site");
  }

  @Test
  void recoverRestoresThePreviousSiteWhenASwapWasCutShort(@TempDir Path dir) throws IOException {
    Path previous = Files.createDirectories(dir.resolve(".site.previous"));
    Files.writeString(previous.resolve("index.html"), "last good");
    Files.createDirectories(dir.resolve(".site.staging-123"));
    new AtomicPublisher(dir.resolve("site")).recover();
    assertThat(dir.resolve("site/index.html")).hasContent("last good");
    assertThat(dir.toFile().list()).containsOnly("site");
  }

  /**
   * A patch puts its files over the published site, each replacing the file of that name whole (a
   * hard link elsewhere to the old file keeps the old bytes), and deletes what it lists with the
   * folders that leaves empty.
   */
  @Test
  void aPatchReplacesItsFilesAndDeletesWhatItLists(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("site/incidents/a/files"));
    Files.writeString(dir.resolve("site/index.html"), "index");
    Files.writeString(dir.resolve("site/incidents/a/index.html"), "old page");
    Files.writeString(dir.resolve("site/incidents/a/files/plan.txt"), "plan");
    Path kept = Files.createLink(dir.resolve("kept-entry.html"), dir.resolve("site/incidents/a/index.html"));
    AtomicPublisher publisher = new AtomicPublisher(dir.resolve("site"));
    Path patch = publisher.patchFolder();
    Files.createDirectories(patch.resolve("incidents/a"));
    Files.writeString(patch.resolve("incidents/a/index.html"), "new page");
    Files.createDirectories(patch.resolve("data/search"));
    Files.writeString(patch.resolve("data/search/docs.json"), "[]");
    publisher.patch(patch, java.util.List.of("incidents/a/files/plan.txt"));
    assertThat(dir.resolve("site/incidents/a/index.html")).hasContent("new page");
    assertThat(kept).as("the cache entry the old page was linked to").hasContent("old page");
    assertThat(dir.resolve("site/data/search/docs.json")).hasContent("[]");
    assertThat(dir.resolve("site/index.html")).hasContent("index");
    assertThat(out).as("an emptied folder goes too").doesNotExist();
    assertThat(dir.toFile().list()).containsOnly("site", "kept-entry.html");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.patch(publisher.patchFolder(), java.util.List.of("../kept-entry.html")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(kept).exists();
  }

  /**
   * A patch cut short after it was complete (marked) is finished by the next build's recovery; one
   * cut short before is thrown away and the site stays as it was.
   */
  @Test
  void recoveryFinishesACompletePatchAndDropsAnIncompleteOne(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("site/incidents/a"));
    Files.writeString(dir.resolve("site/incidents/a/index.html"), "old page");
    Files.writeString(dir.resolve("site/gone.html"), "gone");
    AtomicPublisher publisher = new AtomicPublisher(dir.resolve("site"));
    Path incomplete = publisher.patchFolder();
    Files.writeString(incomplete.resolve("index.html"), "half-made index");
    Path complete = publisher.patchFolder();
    Files.createDirectories(complete.resolve("incidents/a"));
    Files.writeString(complete.resolve("incidents/a/index.html"), "new page");
    // as if killed after marking it complete and moving one file of two
    Files.writeString(complete.resolve(AtomicPublisher.PATCH_READY), "gone.html\n");
    Files.writeString(dir.resolve("site/search.json"), "new search");
    new AtomicPublisher(dir.resolve("site")).recover();
    assertThat(dir.resolve("site/incidents/a/index.html")).hasContent("new page");
    assertThat(dir.resolve("site/search.json")).hasContent("new search");
    assertThat(dir.resolve("site/gone.html")).doesNotExist();
    assertThat(dir.resolve("site/index.html")).as("the incomplete patch is not applied").doesNotExist();
    assertThat(dir.toFile().list()).containsOnly("site");
  }
}
