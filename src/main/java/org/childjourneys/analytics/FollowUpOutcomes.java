package org.childjourneys.analytics;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.childjourneys.dataset.Sources;
import org.childjourneys.disclosure.SmallNumbers;

/**
 * What the front-door guidance and the programme comparison share: the outcomes followed up after
 * an index date, the DfE age bands, the involvement kinds a child's history is described by, the
 * date up to which every source is complete, 95% Wilson intervals, and how an "x of n" is shown
 * (counts of 1-5 withheld, and any count whose complement is 1-5). Plain statistics about groups.
 */
final class FollowUpOutcomes {

  private FollowUpOutcomes() {}

  /** The outcomes, as the Cypher columns name them (docs/measures.md#front-door-guidance). */
  static final List<String> OUTCOMES =
      List.of(
          "reReferral",
          "childProtectionPlan",
          "care",
          "custody",
          "neet",
          "permanentExclusion",
          "noFurtherInvolvement");

  /** DfE age bands. */
  static final List<String> AGE_BANDS =
      List.of("UNDER_1", "1_TO_4", "5_TO_9", "10_TO_15", "16_AND_OVER");

  /**
   * Targeted involvement kinds a child's history is described by ("prior involvements"): universal
   * services (school enrolment, GP registration, health visiting, school nursing, children's centre
   * registration) are left out, as nearly every child has them.
   */
  static final List<String> PRIOR_KINDS =
      List.of(
          "CIN_EPISODE",
          "ASSESSMENT",
          "S47_ENQUIRY",
          "CIN_PLAN",
          "CP_PLAN",
          "LAC_EPISODE",
          "EARLY_HELP_ASSESSMENT",
          "EARLY_HELP_PLAN",
          "EHC_PLAN",
          "NEET_OR_NOT_KNOWN",
          "YOT_OUT_OF_COURT",
          "YOT_COURT_ORDER",
          "YOT_CUSTODY",
          "HOMELESSNESS_CASE",
          "CAMHS_TREATMENT");

  /** z for a two-sided 95% interval. */
  static final double Z = 1.959963984540054;

  /** The smallest group a rate is given for without widening (front-door guidance). */
  static final int MIN_CHILDREN = 20;

  /** One outcome as shown: null when withheld. */
  record Rate(String outcome, Integer count, Double rate, Double lower, Double upper) {}

  /** A 95% interval. */
  record Interval(double lower, double upper) {}

  /**
   * The date up to which every source's data is complete: the earliest coverage end of all sources
   * (custody, NEET and exclusions come from other services than social care), else the data's
   * reference date.
   */
  static LocalDate completeUpTo(Sources.Catalogue catalogue) {
    return catalogue.sources().stream()
        .map(Sources.Source::coveredTo)
        .filter(Objects::nonNull)
        .min(LocalDate::compareTo)
        .orElse(catalogue.referenceDate());
  }

  /**
   * The DfE age band of a child born on {@code born} on {@code on}; UNKNOWN without a birth date.
   */
  static String ageBand(LocalDate born, LocalDate on) {
    if (born == null) {
      return "UNKNOWN";
    }
    if (on.isBefore(born)) {
      return "UNBORN";
    }
    int years = Period.between(born, on).getYears();
    return years < 1
        ? "UNDER_1"
        : years <= 4 ? "1_TO_4" : years <= 9 ? "5_TO_9" : years <= 15 ? "10_TO_15" : "16_AND_OVER";
  }

  /** The 95% Wilson score interval of x successes of n (n above 0). */
  static Interval wilson(long x, long n) {
    double p = (double) x / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * Newcombe's hybrid score interval (method 10) of the difference of two independent proportions
   * x1/n1 - x2/n2, from their Wilson intervals.
   */
  static Interval newcombe(long x1, long n1, long x2, long n2) {
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    Interval w1 = wilson(x1, n1);
    Interval w2 = wilson(x2, n2);
    double d = p1 - p2;
    return new Interval(
        d - Math.sqrt(Math.pow(p1 - w1.lower(), 2) + Math.pow(w2.upper() - p2, 2)),
        d + Math.sqrt(Math.pow(w1.upper() - p1, 2) + Math.pow(p2 - w2.lower(), 2)));
  }

  /**
   * The count is withheld when it is 1-5 or when n minus it is 1-5 (n is shown beside it); the rate
   * and its interval go with it.
   */
  static boolean shown(long count, long n) {
    SmallNumbers.Table table = new SmallNumbers.Table();
    table.count("count", count);
    table.count("others", n - count);
    table.total("n", List.of("count", "others"));
    Map<String, Integer> s = SmallNumbers.suppress(table);
    return s.get("count") != null && s.get("n") != null;
  }

  /** Each outcome of n followed up, as shown. */
  static List<Rate> rates(long n, long[] counts) {
    List<Rate> rates = new ArrayList<>();
    for (int o = 0; o < OUTCOMES.size(); o++) {
      rates.add(rate(OUTCOMES.get(o), counts[o], n));
    }
    return rates;
  }

  static Rate rate(String outcome, long count, long n) {
    if (n == 0) {
      return new Rate(outcome, 0, null, null, null);
    }
    if (!shown(count, n)) {
      return new Rate(outcome, null, null, null, null);
    }
    Interval ci = wilson(count, n);
    return new Rate(outcome, (int) count, (double) count / n, ci.lower(), ci.upper());
  }

  /** The outcome flags of a row of the follow-up queries, in {@link #OUTCOMES} order. */
  static boolean[] flags(Map<String, Object> row) {
    boolean[] f = new boolean[OUTCOMES.size()];
    for (int o = 0; o < OUTCOMES.size(); o++) {
      f[o] = Boolean.TRUE.equals(row.get(OUTCOMES.get(o)));
    }
    return f;
  }
}
