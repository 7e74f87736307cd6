package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.TestPaths;
import dev.hindsight.diagnostic.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The documentation where users look stays true to the code: the field references are generated
 * from the JSON Schemas (run with -Dhindsight.updateDocs=true to rewrite them), and every
 * diagnostic code is explained.
 */
class DocumentationTest {
  private static final Path ROOT = TestPaths.repoRoot();
  private static final String START = "<!-- fields:start (generated from the schema by DocumentationTest) -->\n";
  private static final String END = "<!-- fields:end -->";

  @Test
  void theIncidentFieldReferenceMatchesTheSchema() throws IOException {
    checkGenerated(ROOT.resolve("docs/incident-format.md"), ROOT.resolve("schema/incident.schema.json"));
  }

  @Test
  void theConfigurationReferenceMatchesTheSchema() throws IOException {
    checkGenerated(ROOT.resolve("docs/configuration.md"), ROOT.resolve("schema/config.schema.json"));
  }

  @Test
  void everyDiagnosticCodeIsExplained() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/diagnostics.md"));
    for (Code code : Code.values()) {
      assertThat(doc).as("docs/diagnostics.md explains %s", code).contains("## " + code.name() + " ");
    }
  }

  private static void checkGenerated(Path doc, Path schema) throws IOException {
    String table = new SchemaReference(new ObjectMapper().readTree(schema.toFile())).markdownTable();
    String text = Files.readString(doc);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertThat(start).as(doc + " has the generated-section markers").isGreaterThanOrEqualTo(0);
    assertThat(end).isGreaterThan(start);
    String current = text.substring(start + START.length(), end);
    if (Boolean.getBoolean("hindsight.updateDocs") && !current.equals(table)) {
      Files.writeString(doc, text.substring(0, start + START.length()) + table + text.substring(end));
      return;
    }
    assertThat(current).as("%s is out of date: run mvn test -Dtest=DocumentationTest -Dhindsight.updateDocs=true", doc).isEqualTo(table);
  }
}
