package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.InvalidInputException;

/**
 * Calendar periods for baseline and trends: months, quarters (January-March ...) or years ending 31
 * March, the first and last cut to {@code from} and {@code to}. A date's period is worked out the
 * same way in Java and in Cypher: {@code (year * 12 + month - 1 - offset) / months - base}.
 */
record BaselinePeriods(int months, int offset, int base, List<Period> periods) {

  /** One period, numbered from 0, with its first and last day (inclusive). */
  record Period(int index, LocalDate start, LocalDate end) {}

  static BaselinePeriods of(LocalDate from, LocalDate to, String every, int max) {
    if (from == null || to == null) {
      throw new InvalidInputException(from == null ? "from" : "to", "required");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    int months;
    int offset = 0;
    switch (every) {
      case "MONTH" -> months = 1;
      case "QUARTER" -> months = 3;
      case "YEAR" -> {
        months = 12;
        offset = 3;
      }
      default -> throw new InvalidInputException("every", "one of MONTH, QUARTER, YEAR");
    }
    int base = index(from, months, offset);
    int last = index(to, months, offset);
    if (last - base + 1 > max) {
      throw new InvalidInputException(
          "to",
          "at most "
              + max
              + " periods of "
              + every.toLowerCase(java.util.Locale.ROOT)
              + " from "
              + from
              + " ("
              + (last - base + 1)
              + " asked for)");
    }
    List<Period> periods = new ArrayList<>();
    for (int k = base; k <= last; k++) {
      int month = k * months + offset;
      LocalDate start = LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1);
      LocalDate end = start.plusMonths(months).minusDays(1);
      periods.add(
          new Period(k - base, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
    }
    return new BaselinePeriods(months, offset, base, List.copyOf(periods));
  }

  static int index(LocalDate d, int months, int offset) {
    return Math.floorDiv(d.getYear() * 12 + d.getMonthValue() - 1 - offset, months);
  }

  LocalDate from() {
    return periods.get(0).start();
  }

  LocalDate to() {
    return periods.get(periods.size() - 1).end();
  }

  /** The parameters the Cypher needs to number periods. */
  Map<String, Object> parameters() {
    return Map.of("from", from(), "to", to(), "months", months, "offset", offset, "base", base);
  }
}
