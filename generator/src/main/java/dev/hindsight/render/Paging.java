package dev.hindsight.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a long list of incidents (the index, a group's page), cut into pages of
 * {@link #SIZE}: the first in the list's own folder, page {@code n} in {@code page/n/} under it. A
 * browser lays out a table of 10,000 rows for seconds and redraws it on every change to the page.
 *
 * @param n this page, from 1
 * @param count how many pages
 * @param from the index of this page's first row in the list
 * @param to the index after its last row
 * @param total how many rows the list has
 */
record Paging(int n, int count, int from, int to, int total) {
  /** Rows per page. */
  static final int SIZE = 100;

  /** The pages of a list of {@code total} rows: one, however short. */
  static List<Paging> of(int total) {
    int count = Math.max(1, (total + SIZE - 1) / SIZE);
    List<Paging> pages = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) pages.add(new Paging(n, count, (n - 1) * SIZE, Math.min(total, n * SIZE), total));
    return pages;
  }

  /**
   * The pages of a list of {@code total} rows, by their folder under the list's ({@link #folder}),
   * each made by {@code page} from its paging, in order.
   */
  static <T> java.util.Map<String, T> pages(int total, java.util.function.Function<Paging, T> page) {
    java.util.Map<String, T> pages = new java.util.LinkedHashMap<>();
    for (Paging p : of(total)) pages.put(p.folder(), page.apply(p));
    return pages;
  }

  /** This page's folder under the list's: "" for the first. */
  String folder() {
    return n == 1 ? "" : "page/" + n + "/";
  }

  /** The way from this page up to the list's folder: "" for the first. */
  String up() {
    return n == 1 ? "" : "../../";
  }

  /**
   * The links to the other pages, relative to this one: the first and last pages and two on each
   * side of this one; null when the list has one page. {@code first} names the first page from
   * the list's folder ("index.html" for the index, "" for a group's folder).
   */
  Views.Pager pager(String first) {
    if (count == 1) return null;
    List<Views.PageLink> links = new ArrayList<>();
    int shown = 0;
    for (int k = 1; k <= count; k++) {
      if (k == 1 || k == count || Math.abs(k - n) <= 2) {
        if (shown != 0 && k > shown + 1) links.add(new Views.PageLink("…", null, false));
        links.add(new Views.PageLink(String.valueOf(k), link(k, first), k == n));
        shown = k;
      }
    }
    return new Views.Pager(n, count, from + 1, to, total, n > 1 ? link(n - 1, first) : null, n < count ? link(n + 1, first) : null, List.copyOf(links));
  }

  private String link(int k, String first) {
    String link = up() + (k == 1 ? first : "page/" + k + "/");
    return link.isEmpty() ? "./" : link;
  }
}
