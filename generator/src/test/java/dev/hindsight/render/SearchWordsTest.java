package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The search index is made as search.js reads it: words split by the same rule, cut into the same shards and chunks. */
class SearchWordsTest {
  private static final Pattern RULE = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static List<String> byTheRule(String text) {
    List<String> out = new ArrayList<>();
    for (String w : RULE.split(text.toLowerCase(Locale.ROOT))) {
      if (w.length() >= 2 && !SearchIndex.STOP.contains(w)) out.add(w);
    }
    return out;
  }

  @Test
  void splitsOnEverythingButLettersAndDigitsAfterLowerCasing() {
    assertThat(SearchIndex.words("Replication LAG on orders-db: p99 = 1,200 ms (the replica)"))
        .containsExactly("replication", "lag", "orders", "db", "p99", "200", "ms", "replica");
    // İ lower-cases to i and a combining dot, which is no letter: "i" alone is too short
    assertThat(SearchIndex.words("Žofia Dvořáková ½ ⅻ½ İstanbul 王伟 𝔘𝔫𝔦")).containsExactly("žofia", "dvořáková", "ⅻ½", "stanbul", "王伟", "𝔘𝔫𝔦");
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    String alphabet = "abcXYZ09 the to of _-.,:;'\"()[]{}<>/\\|`*#\t\n\u00e9\u00df\u0130\u0131\u03a3\u0416\u4e2d\u00bd\u2167\u0660\u0301\u200b\u00a0\ud835\udd18\ud83d\ude00\ud800";
    SplittableRandom r = new SplittableRandom(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = r.nextInt(40);
      for (int k = 0; k < length; k++) {
        int at = r.nextInt(alphabet.length());
        char c = alphabet.charAt(at);
        sb.append(c);
        if (Character.isHighSurrogate(c) && at + 1 < alphabet.length() && Character.isLowSurrogate(alphabet.charAt(at + 1)) && r.nextBoolean()) {
          sb.append(alphabet.charAt(at + 1));
        }
      }
      String text = sb.toString();
      assertThat(SearchIndex.words(text)).as("%s", text).isEqualTo(byTheRule(text));
    }
  }

  @Test
  void snippetTextIsWhatTheMarkupRulesGive() {
    String alphabet = "abc XYZ09 ,.;:_-`*>#[]()!\t\n\r\u000b\f\u2003\u00a0é";
    SplittableRandom r = new SplittableRandom(9);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, length = r.nextInt(30); k < length; k++) {
        String from = r.nextInt(4) == 0 ? alphabet : "abcdefghij klm";
        sb.append(from.charAt(r.nextInt(from.length())));
      }
      String text = sb.toString();
      assertThat(SearchIndex.plain(text)).as("%s", text).isEqualTo(SearchIndex.slowPlain(text));
    }
    assertThat(SearchIndex.plain("See [the plan](plan.txt) for **why**")).isEqualTo("See the plan for why");
  }

  @Test
  void searchJsCutsTheIndexAsTheGeneratorDoes() throws Exception {
    String js = java.nio.file.Files.readString(dev.hindsight.TestPaths.repoRoot().resolve("templates/assets/search.js"));
    assertThat(js).as("shards of postings").contains("var SHARDS = " + SearchIndex.SHARDS + ";");
    assertThat(js).as("incidents per chunk of snippet texts").contains("var TEXT_CHUNK = " + SearchIndex.TEXT_CHUNK + ";");
  }
}
