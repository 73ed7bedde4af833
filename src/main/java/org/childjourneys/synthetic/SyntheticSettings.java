package org.childjourneys.synthetic;

import java.time.LocalDate;
import java.util.Map;

/**
 * What to generate: size, seed, the data window, and the calibrated base hazards.
 *
 * @param children number of children known to services
 * @param seed the same seed and size always give the same authority
 * @param referenceDate the last day of the data (a 31 March, as the statutory returns use)
 * @param windowStart the first day of data in the oldest source
 */
public record SyntheticSettings(
    int children, long seed, LocalDate referenceDate, LocalDate windowStart) {

  /** Which source system records which service, and from when its data was loaded. */
  static final Map<String, Integer> COVERAGE_YEARS_AFTER_WINDOW_START =
      Map.of(
          "SYN_SOCIAL_CARE", 0,
          "SYN_EARLY_HELP", 1,
          "SYN_EDUCATION", 0,
          "SYN_HEALTH", 0,
          "SYN_YOUTH_JUSTICE", 0,
          "SYN_POLICE", 2,
          "SYN_HOUSING", 5);

  public SyntheticSettings {
    if (children < 1 || children > 5_000_000) {
      throw new IllegalArgumentException(
          "children must be between 1 and 5,000,000, was " + children);
    }
  }

  public static SyntheticSettings of(int children, long seed) {
    return new SyntheticSettings(
        children, seed, LocalDate.of(2026, 3, 31), LocalDate.of(2016, 4, 1));
  }

  LocalDate coverageFrom(String system) {
    return windowStart.plusYears(COVERAGE_YEARS_AFTER_WINDOW_START.getOrDefault(system, 0));
  }

  /** Monthly chance of a front-door contact for a child of average risk. */
  double contactRate() {
    return 0.0041;
  }

  /** Monthly chance of an offence for a child of average risk aged 14+. */
  double offenceRate() {
    return 0.00007;
  }

  /** Monthly chance of an early help request made directly by a school or health visitor. */
  double earlyHelpRequestRate() {
    return 0.002;
  }
}
