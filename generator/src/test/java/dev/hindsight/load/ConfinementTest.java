package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is inside a folder when its real location is, whatever links its path goes through. */
class ConfinementTest {
  @TempDir Path dir;
  Path input;
  Path outside;

  @BeforeEach
  void layout() throws IOException {
    input = Files.createDirectories(dir.resolve("repo/postmortems"));
    outside = Files.createDirectories(dir.resolve("home"));
    Files.writeString(outside.resolve("secrets.md"), "x");
    Files.writeString(input.resolve("a.md"), "x");
    Files.createDirectories(input.resolve("2025/b"));
    Files.writeString(input.resolve("2025/b/index.md"), "x");
  }

  @Test
  void plainFilesAndFoldersBelowTheFolderAreInside() {
    assertThat(Confinement.within(input.resolve("a.md"), input)).isTrue();
    assertThat(Confinement.within(input.resolve("2025/b/index.md"), input)).isTrue();
    assertThat(Confinement.within(input.resolve("2025/b"), input)).isTrue();
  }

  @Test
  void theQuickAnswerIsOnlyGivenForPlainPaths() throws IOException {
    assertThat(Confinement.plainlyWithin(input.resolve("2025/b/index.md"), input)).isTrue();
    assertThat(Confinement.plainlyWithin(input.resolve("2025/../a.md"), input)).isFalse();
    assertThat(Confinement.plainlyWithin(input.resolve("./a.md"), input)).isFalse();
    assertThat(Confinement.plainlyWithin(input, input)).isFalse();
    assertThat(Confinement.plainlyWithin(outside.resolve("secrets.md"), input)).isFalse();
  }

  @Test
  void linksLeadingOutAreOutsideWhereverTheyAreInThePath() throws IOException {
    Files.createSymbolicLink(input.resolve("leak.md"), outside.resolve("secrets.md"));
    Files.createSymbolicLink(input.resolve("2025/home"), outside);
    assertThat(Confinement.within(input.resolve("leak.md"), input)).isFalse();
    assertThat(Confinement.within(input.resolve("2025/home/secrets.md"), input)).isFalse();
    assertThat(Confinement.within(input.resolve("2025/home"), input)).isFalse();
  }

  @Test
  void linksThatStayInsideAreInside() throws IOException {
    Files.createSymbolicLink(input.resolve("alias.md"), input.resolve("a.md"));
    Files.createSymbolicLink(input.resolve("2025/c"), input.resolve("2025/b"));
    assertThat(Confinement.within(input.resolve("alias.md"), input)).isTrue();
    assertThat(Confinement.within(input.resolve("2025/c/index.md"), input)).isTrue();
  }

  @Test
  void dotDotIsFollowedOnTheRealPathNotCancelledOnTheName() throws IOException {
    // 2025/home/.. is the parent of the link's target, not 2025: outside, though the name says inside.
    Files.createSymbolicLink(input.resolve("2025/home"), outside);
    Files.createDirectories(dir.resolve("outside-sibling"));
    assertThat(Confinement.within(input.resolve("2025/../a.md"), input)).isTrue();
    assertThat(Confinement.within(input.resolve("2025/home/../home/secrets.md"), input)).isFalse();
    assertThat(Confinement.within(input.resolve("../postmortems/a.md"), input)).isTrue();
    assertThat(Confinement.within(input.resolve("../../home/secrets.md"), input)).isFalse();
  }

  @Test
  void aFolderReachedThroughALinkHoldsWhatIsBelowIt() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("pm"), input);
    assertThat(Confinement.within(link.resolve("a.md"), link)).isTrue();
    assertThat(Confinement.within(link.resolve("a.md"), input)).isTrue();
    assertThat(Confinement.within(input.resolve("a.md"), link)).isTrue();
  }

  @Test
  void relativePathsAreJudgedAsTheAbsoluteOnesAre() {
    Path cwd = Path.of("").toAbsolutePath();
    Path relativeInput = cwd.relativize(input);
    assertThat(Confinement.within(relativeInput.resolve("a.md"), relativeInput)).isTrue();
    assertThat(Confinement.within(relativeInput.resolve("a.md"), input)).isTrue();
    assertThat(Confinement.within(cwd.relativize(outside.resolve("secrets.md")), relativeInput)).isFalse();
  }

  @Test
  void missingFilesAreNotInside() {
    assertThat(Confinement.within(input.resolve("gone.md"), input)).isFalse();
    assertThat(Confinement.within(input.resolve("gone/a.md"), input)).isFalse();
    Path danglingTarget = outside.resolve("never.md");
    assertThat(Confinement.within(danglingTarget, input)).isFalse();
  }

  @Test
  void aDanglingLinkIsNotInside() throws IOException {
    Files.createSymbolicLink(input.resolve("dangling.md"), input.resolve("never.md"));
    assertThat(Confinement.within(input.resolve("dangling.md"), input)).isFalse();
  }
}
