package dev.hindsight.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.TestPaths;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.validate.ValidationResult;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the loader and the validator: any bytes in an incident file give
 * diagnostics, never an exception. In the normal test run this replays the inputs kept under
 * {@code src/test/resources/dev/hindsight/fuzz/LoaderFuzzTestInputs/} (seeds and past findings);
 * {@code JAZZER_FUZZ=1 mvn -pl generator test -Dtest=LoaderFuzzTest} runs a campaign
 * (docs/fuzzing.md).
 */
class LoaderFuzzTest {
  private static final Path CONFIG = TestPaths.resource("rules/valid-baseline/hindsight.yaml");
  private static final Validator VALIDATOR = new Validator();
  private static Path input;

  @FuzzTest(maxDuration = "10m")
  void anyIncidentFileGivesDiagnosticsNotExceptions(byte[] bytes) throws IOException {
    Path file = folder().resolve("2025-03-04-fuzzed.md");
    Files.write(file, bytes);
    ValidationResult result = VALIDATOR.validate(input, Optional.of(CONFIG));
    for (Diagnostic d : result.diagnostics()) {
      assertThat(d.location().line()).isPositive();
      assertThat(d.location().column()).isPositive();
      assertThat(d.message()).isNotBlank();
    }
    assertThat(result.files()).isEqualTo(1);
    if (result.hasErrors()) assertThat(result.incidents()).allSatisfy(i -> assertThat(i.id()).isNotBlank());
  }

  @FuzzTest(maxDuration = "10m")
  void anyConfigFileGivesDiagnosticsNotExceptions(byte[] bytes) throws IOException {
    Path incident = folder().resolve("2025-03-04-fuzzed.md");
    Files.copy(TestPaths.resource("rules/valid-baseline/postmortems/2025-03-04-orders-slow.md"), incident,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path config = input.getParent().resolve("hindsight.yaml");
    Files.write(config, bytes);
    ValidationResult result = VALIDATOR.validate(input, Optional.of(config));
    for (Diagnostic d : result.diagnostics()) {
      assertThat(d.location().line()).isPositive();
      assertThat(d.location().column()).isPositive();
    }
    assertThat(result.config()).isNotNull();
  }

  private static synchronized Path folder() throws IOException {
    if (input == null) {
      input = Files.createTempDirectory("hindsight-fuzz").resolve("postmortems");
      Files.createDirectories(input);
      input.getParent().toFile().deleteOnExit();
    }
    return input;
  }
}
