package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {
  private static PersonIdent who(String name, String when) {
    return new PersonIdent(name, name.toLowerCase().replace(' ', '.') + "@example.com", Instant.parse(when), ZoneOffset.UTC);
  }

  private static void commit(Git git, String message, PersonIdent who) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  @Test
  void knowsWhenEachIncidentFileWasFirstCommittedAndEveryChangeSince(@TempDir Path repo) throws Exception {
    Path input = Files.createDirectories(repo.resolve("postmortems/2025-06-01-lag"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("README.md"), "notes");
      Files.writeString(repo.resolve("postmortems/2025-05-01-a.md"), "one");
      commit(git, "Add the first post-mortem", who("Maria Santos", "2025-05-02T10:00:00Z"));
      Files.writeString(input.resolve("index.md"), "two");
      commit(git, "Add the lag incident", who("Sam Keller", "2025-06-03T10:00:00Z"));
      Files.writeString(repo.resolve("postmortems/2025-05-01-a.md"), "one, edited");
      Files.writeString(repo.resolve("README.md"), "notes, edited");
      commit(git, "Review: clearer impact", who("Chris Morgan", "2025-06-10T10:00:00Z"));
    }
    GitHistory history = GitHistory.read(repo.resolve("postmortems"));
    assertThat(history.of("2025-05-01-a.md")).extracting(GitHistory.Revision::message)
        .containsExactly("Review: clearer impact", "Add the first post-mortem");
    assertThat(history.of("2025-05-01-a.md").get(1).when()).isEqualTo(Instant.parse("2025-05-02T10:00:00Z"));
    assertThat(history.of("2025-06-01-lag/index.md")).extracting(GitHistory.Revision::author).containsExactly("Sam Keller");
    assertThat(history.of("README.md")).isEmpty();
  }

  @Test
  void incidentPagesShowTheLastUpdateAndTheRevisions(@TempDir Path repo) throws Exception {
    Path input = Files.createDirectories(repo.resolve("postmortems"));
    Path file = input.resolve("2025-03-04-orders-slow.md");
    Files.copy(dev.hindsight.TestPaths.resource("rules/valid-baseline/postmortems/2025-03-04-orders-slow.md"), file);
    Files.copy(dev.hindsight.TestPaths.resource("rules/valid-baseline/hindsight.yaml"), repo.resolve("hindsight.yaml"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commit(git, "Add the orders-db post-mortem", who("Maria Santos", "2025-03-05T09:00:00Z"));
      Files.writeString(file, Files.readString(file).replace("Checkout was slow", "Checkout was very slow"));
      commit(git, "Summary: say how slow", who("Sam Keller", "2025-03-06T16:00:00Z"));
    }
    Path out = repo.resolve("site");
    var run = dev.hindsight.cli.CliRun.run("build", "--no-briefs", "--input", input.toString(), "--output", out.toString(), "--as-of", "2026-11-25");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    var page = org.jsoup.Jsoup.parse(out.resolve("incidents/2025-03-04-orders-slow/index.html").toFile());
    assertThat(page.select(".incident-footer .source").text()).contains("Last updated 6 Mar 2025").contains("first committed 5 Mar 2025");
    assertThat(page.select("details.revisions li").eachText()).hasSize(2)
        .first().asString().endsWith("6 Mar 2025 · Sam Keller: Summary: say how slow");
  }

  @Test
  void outsideARepositoryThereIsNoHistoryAndNoError(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("postmortems"));
    Files.writeString(input.resolve("x.md"), "x");
    assertThat(GitHistory.read(input).of("x.md")).isEmpty();
  }
}
