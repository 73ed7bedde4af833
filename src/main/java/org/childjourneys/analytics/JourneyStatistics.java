package org.childjourneys.analytics;

/** Confidence intervals for the journey analytics (docs/measures.md#pathways). */
final class JourneyStatistics {

  /** The 97.5th percentile of the standard normal distribution: 95% two-sided intervals. */
  static final double Z = 1.959963984540054;

  private JourneyStatistics() {}

  /** A 95% interval. */
  record Interval(double low, double high) {}

  /** Wilson score interval for k of n (n > 0). */
  static Interval wilson(long k, long n) {
    double p = (double) k / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * Interval for lift = (a / s) / (o / n) on the log scale, with the variance of a ratio of two
   * independent proportions (Katz): 1/a - 1/s + 1/o - 1/n. The pathway's children are part of the
   * population, so the two are positively correlated and this interval is conservative (wider).
   * Null (no interval) when a or o is 0.
   */
  static Interval lift(long a, long s, long o, long n) {
    if (a == 0 || o == 0) {
      return null;
    }
    double lift = ((double) a / s) / ((double) o / n);
    double se = Math.sqrt(1.0 / a - 1.0 / s + 1.0 / o - 1.0 / n);
    return new Interval(lift * Math.exp(-Z * se), lift * Math.exp(Z * se));
  }
}
