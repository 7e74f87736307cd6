package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusScannerTest {
  @Test
  void findsFilesAndFolderIncidentsButNotDataFilesReadmesOrHiddenFolders(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2025-01-01-a.md"), "");
    Files.writeString(dir.resolve("2025-01-02-b.yaml"), "");
    Files.writeString(dir.resolve("README.md"), "");
    Path folder = Files.createDirectories(dir.resolve("2025-01-03-c"));
    Files.writeString(folder.resolve("index.md"), "");
    Files.writeString(folder.resolve("notes.md"), "");
    Files.writeString(folder.resolve("cpu.csv"), "");
    Path year = Files.createDirectories(dir.resolve("2024"));
    Files.writeString(year.resolve("2024-06-01-d.md"), "");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.md"), "");

    assertThat(new CorpusScanner().scan(dir)).extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
        .containsExactly("2024/2024-06-01-d.md", "2025-01-01-a.md", "2025-01-02-b.yaml", "2025-01-03-c/index.md");
  }
}
