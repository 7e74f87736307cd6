package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blame lint's test for a code fence says what its regular expression said. */
class FenceTest {
  /** The regular expression the lint used for a fence, a line at a time. */
  private static final java.util.regex.Pattern FENCE = java.util.regex.Pattern.compile("^\\s{0,3}(```|~~~)");

  @Test
  void findsTheFencesThePatternFinds() {
    String[] pieces = {" ", "  ", "\t", "\u000B", "\f", "\u00A0", "`", "``", "```", "~", "~~~", "x", "sql", "\u2003"};
    SplittableRandom r = new SplittableRandom(5);
    int fences = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = r.nextInt(6); k >= 0; k--) line.append(pieces[r.nextInt(pieces.length)]);
      String l = line.toString();
      boolean expected = FENCE.matcher(l).find();
      assertThat(Lints.fence(l)).as("[%s]", l).isEqualTo(expected);
      if (expected) fences++;
    }
    assertThat(fences).isBetween(2_000, 45_000);
  }
}
