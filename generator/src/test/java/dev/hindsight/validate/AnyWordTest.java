package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.BlamePhrase;
import dev.hindsight.model.SiteConfig;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The blame check's one-pass test for its phrases' words: it finds a word wherever a word can start
 * (at the line's beginning, or after anything but an ASCII letter or digit), its case folded, and
 * so lets through every line that one of the phrases' patterns matches.
 */
class AnyWordTest {
  @Test
  void findsAnyWordWhereAWordCanStart() {
    // With ASCII words only, pairs of letters are tried first; a word that is not ASCII turns that off.
    for (List<String> words : List.of(List.of("blame", "careless", "should", "negligent", "fault", "sloppy", "carelessly", "lazy"),
        List.of("blame", "careless", "should", "negligent", "fault", "sloppy", "ßtraße", "İx", "\u212Aelvin", "kelvin", "b"))) {
      sameAsAScanForEach(words);
    }
    assertThat(new Lints.AnyWord(List.of()).in("blame")).isFalse();
    assertThat(new Lints.AnyWord(List.of("")).in("")).isTrue();
    assertThat(new Lints.AnyWord(List.of("ab")).in("xa")).isFalse();
    assertThat(new Lints.AnyWord(List.of("blame")).in("no BLAME here")).isTrue();
    assertThat(new Lints.AnyWord(List.of("blame")).in("(blame)")).isTrue();
    assertThat(new Lints.AnyWord(List.of("blame")).in("unblamed")).isFalse();
    assertThat(new Lints.AnyWord(List.of("blame")).in("x2blame")).isFalse();
    assertThat(new Lints.AnyWord(List.of("blame")).in("éblame")).as("after a letter that is not ASCII: tried, the pattern decides").isTrue();
    assertThat(new Lints.AnyWord(List.of("kelvin")).in("\u212Aelvin")).as("the Kelvin sign folds to k").isTrue();
  }

  private static void sameAsAScanForEach(List<String> words) {
    String[] pieces = {"blame", "blam", "lame", "careless", "careles", "should", "shoul", "fault", "faul", "sloppy", "negligent", " ", "-",
        "x", "B", "ß", "traße", "İ", "\u212A", "elvin", "é", "\uD83D\uDE80", "s", "b", "lazy", "la", "carelessly", "a", "7", "_"};
    Lints.AnyWord any = new Lints.AnyWord(words);
    SplittableRandom r = new SplittableRandom(3);
    int found = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = r.nextInt(9); k >= 0; k--) text.append(pieces[r.nextInt(pieces.length)]);
      String t = text.toString();
      boolean expected = atAWordStart(t, words);
      assertThat(any.in(t)).as("%s", t).isEqualTo(expected);
      if (expected) found++;
    }
    assertThat(found).isBetween(5_000, 49_000);
  }

  /** The reference: each word compared at each place, the text folded character by character. */
  private static boolean atAWordStart(String text, List<String> words) {
    StringBuilder folded = new StringBuilder();
    for (char c : text.toCharArray()) folded.append(Character.toLowerCase(Character.toUpperCase(c)));
    for (String w : words) {
      for (int i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + 1)) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        if (!(before < 128 && Character.isLetterOrDigit(before))) return true;
      }
    }
    return false;
  }

  /** What matters: no line that a blame phrase's pattern matches is passed over. */
  @Test
  void passesEveryLineThatABlamePhraseMatches() {
    SiteConfig config = SiteConfig.defaults();
    Lints.AnyWord any = Lints.firstWordsOf(config.blamePhrases());
    List<java.util.regex.Pattern> patterns = config.blamePhrases().stream().map(Lints::patternOf).toList();
    List<String> pieces = new java.util.ArrayList<>(List.of(" ", "  ", "\t", "-", "(", "x", "é", "2", "_", "'", "\u00a0", "Ünd", "."));
    for (BlamePhrase p : config.blamePhrases()) {
      pieces.add(p.phrase());
      pieces.add(p.phrase().toUpperCase(Locale.ROOT));
      pieces.add(p.phrase().replace(" ", "   "));
      pieces.add(p.phrase().substring(0, p.phrase().length() - 1));
    }
    SplittableRandom r = new SplittableRandom(11);
    int matched = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = r.nextInt(6); k >= 0; k--) text.append(pieces.get(r.nextInt(pieces.size())));
      String t = text.toString();
      if (patterns.stream().anyMatch(pattern -> pattern.matcher(t).find())) {
        matched++;
        assertThat(any.in(t)).as("%s", t).isTrue();
      }
    }
    assertThat(matched).isGreaterThan(10_000);
  }
}
