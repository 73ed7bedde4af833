package org.childjourneys.measures;

import java.util.List;
import java.util.Map;
import org.childjourneys.disclosure.SmallNumbers;

/** How a count "x of n" is shown: counts of 1-5 withheld, and any count that would reveal one. */
final class Shown {

  private Shown() {}

  /**
   * The numerator and denominator as shown (null when withheld): the numerator is also withheld
   * when the denominator minus it is 1-5.
   */
  static Integer[] pair(long numerator, long denominator) {
    SmallNumbers.Table table = new SmallNumbers.Table();
    table.count("numerator", numerator);
    table.count("others", denominator - numerator);
    table.total("denominator", List.of("numerator", "others"));
    Map<String, Integer> s = SmallNumbers.suppress(table);
    return new Integer[] {s.get("numerator"), s.get("denominator")};
  }
}
