package dev.hindsight.validate;

/**
 * Text compared in a {@code char[]}: the checks that read every line (the secret scan, the blame
 * lint) read a file's lines from one array ({@link dev.hindsight.load.TextLines}), which the quick
 * compiler does several times faster than {@code String.charAt}, a call and two checks a character.
 */
final class Chars {
  private Chars() {}

  /** Whether {@code literal} stands at {@code i} in {@code cs}, before {@code n}. */
  static boolean at(char[] cs, int n, int i, String literal) {
    int len = literal.length();
    if (i + len > n) return false;
    for (int k = 0; k < len; k++) {
      if (cs[i + k] != literal.charAt(k)) return false;
    }
    return true;
  }
}
