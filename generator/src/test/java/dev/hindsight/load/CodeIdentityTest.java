package dev.hindsight.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code's identity, part of every cache key, changes with any change to what the jar holds and
 * not with when it was packed: a rebuilt jar of the same classes keeps the caches, a jar with one
 * class changed by one byte starts them afresh.
 */
class CodeIdentityTest {
  @TempDir Path dir;

  private Path jar(String name, long time, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setLastModifiedTime(FileTime.fromMillis(time));
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void changesWithAnyEntrysContentAndNotWithWhenTheJarWasPacked() throws IOException {
    Map<String, String> code = new java.util.TreeMap<>(Map.of("dev/hindsight/A.class", "cafebabe 1", "dev/hindsight/B.class", "cafebabe 2"));
    String identity = CodeIdentity.ofJar(jar("a.jar", 1_700_000_000_000L, code));
    assertThat(CodeIdentity.ofJar(jar("repacked.jar", 1_800_000_000_000L, code))).isEqualTo(identity);

    Map<String, String> oneByte = new java.util.TreeMap<>(code);
    oneByte.put("dev/hindsight/B.class", "cafebabe 3");
    assertThat(CodeIdentity.ofJar(jar("changed.jar", 1_700_000_000_000L, oneByte))).isNotEqualTo(identity);

    Map<String, String> renamed = new java.util.TreeMap<>(Map.of("dev/hindsight/A.class", "cafebabe 1", "dev/hindsight/C.class", "cafebabe 2"));
    assertThat(CodeIdentity.ofJar(jar("renamed.jar", 1_700_000_000_000L, renamed))).isNotEqualTo(identity);
  }
}
