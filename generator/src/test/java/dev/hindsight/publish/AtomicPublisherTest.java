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
}
