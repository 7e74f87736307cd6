package dev.hindsight.pdf;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A month ("2026-10") or a quarter ("2026-Q3"): the span a period brief covers, end exclusive. */
public record Period(String name, LocalDate start, LocalDate end) {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  /** The period a name stands for, or empty when it is neither form. */
  public static Optional<Period> parse(String name) {
    Matcher q = QUARTER.matcher(name);
    if (q.matches()) {
      LocalDate start = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
      return Optional.of(new Period(name, start, start.plusMonths(3)));
    }
    Matcher m = MONTH.matcher(name);
    if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return Optional.of(new Period(name, ym.atDay(1), ym.plusMonths(1).atDay(1)));
    }
    return Optional.empty();
  }

  public boolean isQuarter() {
    return name.contains("Q");
  }

  /** The period just before this one, of the same kind. */
  public Period previous() {
    if (isQuarter()) {
      LocalDate s = start.minusMonths(3);
      return new Period(s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1), s, start);
    }
    YearMonth ym = YearMonth.from(start).minusMonths(1);
    return new Period(ym.toString(), ym.atDay(1), start);
  }

  public boolean contains(LocalDate d) {
    return !d.isBefore(start) && d.isBefore(end);
  }

  /** The quarter and month periods that a build writes briefs for: the current and previous ones. */
  public static java.util.List<Period> recent(LocalDate asOf) {
    Period month = parse(YearMonth.from(asOf).toString()).orElseThrow();
    Period quarter = parse(asOf.getYear() + "-Q" + ((asOf.getMonthValue() - 1) / 3 + 1)).orElseThrow();
    return java.util.List.of(quarter, quarter.previous(), month, month.previous(), month.previous().previous());
  }
}
