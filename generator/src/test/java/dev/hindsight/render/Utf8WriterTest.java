package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A page written through Utf8Writer has the bytes String.getBytes(UTF_8) gives for its text, however it is cut into writes. */
class Utf8WriterTest {
  @Test
  void givesTheBytesOfTheWholeTextWhateverThePiecesAndCharacters() {
    String[] pieces = {"a", "<p>", "é", "·", "–", "⚠", "🔔", "\uD83D", "\uDE80", "\u0000", "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF",
        "plain text of a page ", "\uDBFF\uDFFF"};
    SplittableRandom r = new SplittableRandom(21);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = r.nextInt(12); k >= 0; k--) text.append(pieces[r.nextInt(pieces.length)]);
      if (r.nextInt(50) == 0) text.append("x".repeat(5000 + r.nextInt(5000)));
      String t = text.toString();
      Utf8Writer w = new Utf8Writer(r.nextInt(40));
      for (int at = 0; at < t.length(); ) {
        int len = Math.min(t.length() - at, 1 + r.nextInt(9000));
        switch (r.nextInt(3)) {
          case 0 -> w.write(t, at, len);
          case 1 -> w.write(t.substring(at, at + len).toCharArray(), 0, len);
          default -> {
            len = 1;
            w.write(t.charAt(at));
          }
        }
        at += len;
      }
      assertThat(w.toByteArray()).as("%s", t).isEqualTo(t.getBytes(StandardCharsets.UTF_8));
    }
  }
}
