package dev.hindsight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.build.ReproducibleBuildTestAccess;
import dev.hindsight.validate.ValidationResult;
import dev.hindsight.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's corpus is the same for the same seed, valid, and as varied as bench/README.md says. */
class SyntheticCorpusTest {
  @Test
  void theSameSeedGivesTheSameFilesAndEveryIncidentValidatesCleanly(@TempDir Path dir) throws Exception {
    new SyntheticCorpus(120, 42).write(dir.resolve("a"));
    new SyntheticCorpus(120, 42).write(dir.resolve("b"));
    new SyntheticCorpus(120, 42).writeHugo(dir.resolve("hugo"));
    assertThat(ReproducibleBuildTestAccess.digests(dir.resolve("a"))).isEqualTo(ReproducibleBuildTestAccess.digests(dir.resolve("b")));

    ValidationResult r = new Validator().validate(dir.resolve("a/postmortems"), Optional.of(dir.resolve("a/hindsight.yaml")));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.incidents()).hasSize(120);
    assertThat(r.incidents()).allSatisfy(i -> {
      assertThat(i.narrative().length()).isBetween(1000, 7000);
      assertThat(i.narrative()).contains("```sql", "|---|");
      assertThat(i.timeline().size()).isBetween(6, 12);
      assertThat(i.metrics().size()).isBetween(2, 3);
      assertThat(i.metrics()).allSatisfy(m -> assertThat(m.points().size()).isBetween(30, 60));
      assertThat(i.actions().size()).isBetween(2, 6);
    });
    assertThat(r.incidents().stream().flatMap(i -> i.services().stream()).distinct().count()).isGreaterThan(30);
    assertThat(r.incidents().get(0).started().getYear() - r.incidents().get(119).started().getYear()).isEqualTo(3);
    try (var pages = Files.list(dir.resolve("hugo/content/incidents"))) {
      assertThat(pages.count()).isEqualTo(120);
    }
    assertThat(dir.resolve("hugo/layouts/_default/single.html")).exists();
  }
}
