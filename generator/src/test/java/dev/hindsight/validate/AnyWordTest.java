package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blame check's one-pass test for its phrases' words answers as a scan for each word did. */
class AnyWordTest {
  @Test
  void findsAnyWordWhereverAScanForEachWouldFindIt() {
    // With ASCII words only, pairs of letters are tried first; a word that is not ASCII turns that off.
    for (List<String> words : List.of(List.of("blame", "careless", "should", "negligent", "fault", "sloppy", "carelessly", "lazy"),
        List.of("blame", "careless", "should", "negligent", "fault", "sloppy", "ßtraße", "İx", "\u212Aelvin", "b"))) {
      sameAsAScanForEach(words);
    }
    assertThat(new Lints.AnyWord(List.of()).in("blame")).isFalse();
    assertThat(new Lints.AnyWord(List.of("")).in("")).isTrue();
    assertThat(new Lints.AnyWord(List.of("ab")).in("xa")).isFalse();
  }

  private static void sameAsAScanForEach(List<String> words) {
    String[] pieces = {"blame", "blam", "lame", "careless", "careles", "should", "shoul", "fault", "faul", "sloppy", "negligent", " ", "-",
        "x", "B", "ß", "traße", "İ", "\u212A", "elvin", "é", "\uD83D\uDE80", "s", "b", "lazy", "la", "carelessly", "a"};
    Lints.AnyWord any = new Lints.AnyWord(words);
    SplittableRandom r = new SplittableRandom(3);
    int found = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = r.nextInt(9); k >= 0; k--) text.append(pieces[r.nextInt(pieces.length)]);
      String t = text.toString();
      boolean expected = words.stream().anyMatch(t::contains);
      assertThat(any.in(t)).as("%s", t).isEqualTo(expected);
      if (expected) found++;
    }
    assertThat(found).isBetween(5_000, 49_000);
  }
}
