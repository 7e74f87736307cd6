package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The first word of a root cause or contributing factor, which HS601 compares with people's names. */
class FindingSubjectTest {
  @Test
  void theSubjectIsTheFirstWordWithoutAPossessive() {
    assertThat(Lints.subject("Alice ran the migration")).isEqualTo("Alice");
    assertThat(Lints.subject("  Alice's migration locked orders")).isEqualTo("Alice");
    assertThat(Lints.subject("Alice’s migration")).isEqualTo("Alice");
    assertThat(Lints.subject("Bob, on call, restarted")).isEqualTo("Bob");
    assertThat(Lints.subject("Bob: restarted")).isEqualTo("Bob");
    assertThat(Lints.subject("Bob;restarted")).isEqualTo("Bob");
    assertThat(Lints.subject("Bob\trestarted")).isEqualTo("Bob");
    assertThat(Lints.subject("The migration lacked a lock timeout")).isEqualTo("The");
    assertThat(Lints.subject("Carol")).isEqualTo("Carol");
    assertThat(Lints.subject(", no subject")).isEmpty();
    assertThat(Lints.subject("'s")).isEmpty();
    assertThat(Lints.subject("")).isEmpty();
  }

  /** What the two regular expressions the lint used before gave, on random text: the same word. */
  @Test
  void readsAsTheRegularExpressionsItReplacesRead() {
    Pattern end = Pattern.compile("[\\s,:;]+");
    Pattern possessive = Pattern.compile("['’]s$");
    List<String> pieces = List.of("Alice", "bob", "'s", "’s", "s", "'", " ", "  ", "\t", "\n", ",", ":", ";", "\u00a0", "\u2003",
        "é", "-", "x.y", "");
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(6); k >= 0; k--) text.append(pieces.get(random.nextInt(pieces.size())));
      String expected = possessive.matcher(end.split(text.toString().strip(), 2)[0]).replaceAll("");
      assertThat(Lints.subject(text.toString())).as("[%s]", text).isEqualTo(expected);
    }
  }
}
