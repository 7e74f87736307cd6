package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
  private final DocumentReader reader = new DocumentReader(new YamlTreeReader());

  @Test
  void splitsFrontMatterFromTheNarrativeAndKnowsWhereTheNarrativeStarts(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("2025-01-02-x.md"), "\uFEFF---\r\ntitle: A\r\n---\r\n## What happened\r\nText\r\n");
    List<Diagnostic> problems = new ArrayList<>();
    SourceDocument doc = reader.read(dir, file, problems).orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(doc.defaultId()).isEqualTo("2025-01-02-x");
    assertThat(doc.data().get("title").asText()).isEqualTo("A");
    assertThat(doc.narrative()).startsWith("## What happened");
    assertThat(doc.narrativeLine()).isEqualTo(4);
    assertThat(doc.map().value(NodePath.ROOT.field("title")).line()).isEqualTo(2);
  }

  @Test
  void aFolderIncidentTakesItsIdFromTheFolderAndOwnsTheFilesBesideIt(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("2025-01-02-lag"));
    Path file = Files.writeString(folder.resolve("index.md"), "---\ntitle: A\n---\n");
    SourceDocument doc = reader.read(dir, file, new ArrayList<>()).orElseThrow();
    assertThat(doc.defaultId()).isEqualTo("2025-01-02-lag");
    assertThat(doc.folder()).isEqualTo(folder);
    assertThat(doc.relativePath()).isEqualTo("2025-01-02-lag/index.md");
  }

  @Test
  void aYamlIncidentKeepsItsNarrativeInTheNarrativeField(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("2025-01-02-disk.yaml"), "title: Disk full\nnarrative: |\n  ## What happened\n  The disk filled.\n");
    SourceDocument doc = reader.read(dir, file, new ArrayList<>()).orElseThrow();
    assertThat(doc.narrative()).isEqualTo("## What happened\nThe disk filled.\n");
    assertThat(doc.narrativeLine()).isEqualTo(3);
  }

  @Test
  void cutsTheFrontMatterFromTheTextAsSplittingItIntoLinesWould() {
    String[] pieces = {"---", "...", "--- ", " ---", "title: x", "", " ", "a", "----", "\t", "a\r", "---\r", "\r\n", "b\r\nc"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int lines = r.nextInt(7);
      for (int k = 0; k < lines; k++) {
        text.append(k == 0 && r.nextInt(4) > 0 ? "---" : pieces[r.nextInt(pieces.length)]);
        if (k < lines - 1 || r.nextBoolean()) text.append('\n');
      }
      String t = text.toString();
      DocumentReader.FrontMatter split = DocumentReader.FrontMatter.split(t);
      assertThat(parts(split)).as("%s", t).isEqualTo(splitLines(t));
    }
  }

  /** The YAML, the body and the closing line of a front matter. */
  private static List<Object> parts(DocumentReader.FrontMatter split) {
    return split == null ? null : List.of(split.yaml(), split.body(), split.closingLine());
  }

  /** The front matter by the text's lines, whatever ends them, joined again: how the reader first cut it. */
  private static List<Object> splitLines(String text) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) return null;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      if (line.equals("---") || line.equals("...")) {
        String yaml = String.join("\n", lines.subList(1, i)) + "\n";
        String body = String.join("\n", lines.subList(i + 1, lines.size()));
        return List.of(yaml, body.isBlank() ? "" : body + "\n", i + 1);
      }
    }
    return List.of("", "", -1);
  }

  @Test
  void refusesBytesThatAreNotUtf8AndKeepsAReplacementCharacterWrittenInTheFile() throws Exception {
    assertThat(DocumentReader.decodeUtf8("caf\u00e9 \uFFFD".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("caf\u00e9 \uFFFD");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentReader.decodeUtf8(new byte[] {'a', (byte) 0xC3, '(', 'b'}))
        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentReader.decodeUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
  }

  @Test
  void cutsATextIntoLinesAsStringLinesDoes() {
    String[] pieces = {"a", "bc", "\n", "\n\n", "\r", "\r\n", " ", "–", "", "\t", "\u007f", "\u0001"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(9);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = r.nextInt(8); k >= 0; k--) text.append(pieces[r.nextInt(pieces.length)]);
      String t = text.toString();
      TextLines lines = TextLines.of(t);
      org.assertj.core.api.Assertions.assertThat(lines.asList()).as("%s", t.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(t.lines().toList());
      assertThat(lines.carriageReturns()).isEqualTo(t.indexOf('\r') >= 0);
      for (int k = 0; k < lines.count(); k++) {
        assertThat(new String(lines.chars(), lines.start(k), lines.end(k) - lines.start(k))).isEqualTo(lines.line(k));
      }
      // Read from the bytes of an ASCII file in one pass: the same lines; other files are decoded first.
      TextLines fromBytes = TextLines.ascii(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (t.chars().allMatch(c -> c < 128)) {
        assertThat(fromBytes.asList()).isEqualTo(lines.asList());
        assertThat(fromBytes.text()).isEqualTo(t);
        assertThat(fromBytes.chars()).isEqualTo(t.toCharArray());
        assertThat(fromBytes.carriageReturns()).isEqualTo(lines.carriageReturns());
        assertThat(fromBytes.plainAscii()).isEqualTo(t.chars().allMatch(c -> c == '\n' || c >= ' ' && c < 0x7F));
      } else {
        assertThat(fromBytes).isNull();
      }
    }
  }
}
