package org.childjourneys.analytics;

/**
 * How flows.cypher and trends-summaries.cypher send each open involvement: one integer, {@code tag
 * * 10000 + first period * 100 + last period} (periods are fewer than 100), so a child's list
 * crosses the driver small and children with the same list are grouped in the database. The tag is
 * the state's rank (flows) or the service's index * 2 + 1 if it started in its first period
 * (trends).
 */
final class OpenStepCodes {

  private OpenStepCodes() {}

  static int tag(int code) {
    return code / 10_000;
  }

  /** The first period it was open in, not before the first asked for. */
  static int first(int code) {
    return Math.max(0, code / 100 % 100);
  }

  /** The last period it was open in, not after the last of {@code periods}. */
  static int last(int code, int periods) {
    return Math.min(periods - 1, code % 100);
  }
}
