package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.TestPaths;
import dev.hindsight.diagnostic.Code;
import dev.hindsight.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code rules/} is a small corpus that breaks one validation rule (its name
 * starts with the rule's code), with {@code expected.txt} listing exactly the diagnostics it must
 * produce: code, line, column, file and severity. {@code valid-baseline} is the unbroken corpus
 * the others are made from, and must produce nothing.
 */
class RuleFixturesTest {
  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> list = Files.list(TestPaths.resource("rules"))) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedDiagnostics(Path fixture) throws IOException {
    Path config = fixture.resolve("hindsight.yaml");
    ValidationResult result = new Validator().validate(fixture.resolve("postmortems"),
        Files.exists(config) ? Optional.of(config) : Optional.empty());

    List<String> actual = result.diagnostics().stream().map(d -> describe(fixture, d)).toList();
    List<String> expected = Files.readAllLines(fixture.resolve("expected.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void everyRuleHasAFixtureThatTriggersIt() throws IOException {
    List<Path> all = fixtures().toList();
    for (Code code : Code.values()) {
      List<Path> named = all.stream().filter(p -> p.getFileName().toString().startsWith(code.name() + "-")).toList();
      assertThat(named).as("a fixture folder named %s-... under rules/", code).isNotEmpty();
      for (Path fixture : named) {
        assertThat(Files.readString(fixture.resolve("expected.txt"))).as(fixture.toString()).contains(code.name() + " ");
      }
    }
  }

  @Test
  void everyLintHasAFixtureWhereItMustNotFire() throws IOException {
    List<String> names = fixtures().map(p -> p.getFileName().toString()).toList();
    for (Code code : Code.values()) {
      if (!code.name().startsWith("HS6")) continue;
      List<String> quiet = names.stream().filter(n -> n.startsWith("ok-" + code.name() + "-")).toList();
      assertThat(quiet).as("a fixture folder named ok-%s-... under rules/", code).isNotEmpty();
      for (String name : quiet) {
        assertThat(Files.readAllLines(TestPaths.resource("rules/" + name + "/expected.txt"))).as(name).allMatch(l -> l.startsWith("#"));
      }
    }
  }

  @Test
  void theBaselineIsClean() throws IOException {
    assertThat(Files.readAllLines(TestPaths.resource("rules/valid-baseline/expected.txt")))
        .allMatch(l -> l.startsWith("#"));
    assertThat(Arrays.stream(Code.values())).isNotEmpty();
  }

  private static String describe(Path fixture, Diagnostic d) {
    Path file = d.location().file();
    String shown = file.isAbsolute() ? fixture.relativize(file).toString().replace('\\', '/') : file.toString();
    return d.code() + " " + d.location().line() + ":" + d.location().column() + " " + shown + " (" + d.level().label() + ")";
  }
}
