package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
  static final List<String> HOSTILE = List.of(
      "../../etc/passwd", "..\\..\\windows\\system32", "/absolute/path", "C:\\Users\\admin", ".", "..", "...",
      "CON", "con", "Nul", "com1", "LPT9", "aux.txt", "Orders DB", "orders-db", "ORDERS-DB", "orders_db",
      "Žofia Dvořáková", "Zofia Dvorakova", "\u043erders-db" /* Cyrillic o */, "ｏｒｄｅｒｓ-ｄｂ" /* full-width */,
      "王伟", "Дмитрий", "😀", "", " ", "a".repeat(300), "a".repeat(300) + "b", "x\u0000y", "x\ny", "%2e%2e%2f", "?#&=", "a/b", "a\\b");

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "..\\..\\windows", "/absolute", "C:\\x", ".", "..", "CON", "nul", "com1", "LPT9", "", " ",
      "x\u0000y", "%2e%2e%2f", "a/b", "a\\b", "王伟", "😀"})
  void aSlugIsAlwaysOneSafeFileName(String name) {
    String slug = Slugs.of(name, "fallback");
    assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
    assertThat(slug).isNotIn("con", "prn", "aux", "nul", "com1", "lpt9");
  }

  @Test
  void readableNamesStayReadable() {
    assertThat(Slugs.of("Checkout down: réplica lag > 5 s!", "x")).isEqualTo("checkout-down-replica-lag-5-s");
    assertThat(Slugs.of("orders-db", "x")).isEqualTo("orders-db");
    assertThat(Slugs.of("CON", "x")).isEqualTo("con-x");
    assertThat(Slugs.of("???", "incident")).isEqualTo("incident");
    assertThat(Slugs.of("a".repeat(30) + " " + "b".repeat(40), "x")).isEqualTo("a".repeat(30));
    assertThat(Slugs.of("a".repeat(300), "x")).hasSize(Slugs.MAX_LENGTH);
  }

  @Test
  void namesThatFoldAlikeStillGetSlugsOfTheirOwn() {
    Slugs slugs = Slugs.unique(HOSTILE, "n");
    assertThat(slugs.all()).doesNotHaveDuplicates().hasSize(HOSTILE.stream().distinct().toList().size());
    assertThat(slugs.all()).allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*") && s.length() <= Slugs.MAX_LENGTH, "safe and short");
    assertThat(slugs.get("orders-db")).as("a name that is its own slug keeps it").isEqualTo("orders-db");
    assertThat(slugs.get("Orders DB")).startsWith("orders-db-").isNotEqualTo(slugs.get("ORDERS-DB"));
    assertThat(slugs.get("Žofia Dvořáková")).isNotEqualTo(slugs.get("Zofia Dvorakova"));
    assertThat(slugs.get("a".repeat(300))).isNotEqualTo(slugs.get("a".repeat(300) + "b"));
  }

  @Test
  void theSlugOfANameDoesNotDependOnTheOrderNamesArriveIn() {
    List<String> reversed = new java.util.ArrayList<>(HOSTILE);
    java.util.Collections.reverse(reversed);
    Slugs a = Slugs.unique(HOSTILE, "n");
    Slugs b = Slugs.unique(reversed, "n");
    for (String name : HOSTILE) assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
  }
}
