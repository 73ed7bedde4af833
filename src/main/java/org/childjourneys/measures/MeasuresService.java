package org.childjourneys.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures computed from the graph by the DfE's method, for a year ending 31 March; each
 * definition, with its source, is in docs/measures.md and its Cypher in cypher/queries/measures/.
 * Aggregates: counts of 1-5, and counts from which one could be worked out, are withheld.
 */
@Service
public class MeasuresService {

  /** A measure as counted, before any suppression. */
  record Count(String code, String name, long numerator, long denominator) {}

  /** A measure as shown: withheld counts are null, and so is a rate built on one. */
  public record Measure(
      String code,
      String name,
      LocalDate from,
      LocalDate to,
      Integer numerator,
      Integer denominator,
      Double rate) {}

  private final Neo4jClient neo4j;

  MeasuresService(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** The year ending 31 March of {@code year}: 2026 is 1 April 2025 to 31 March 2026. */
  static LocalDate[] yearEnding(int year) {
    if (year < 2000 || year > LocalDate.now().getYear() + 1) {
      throw new InvalidInputException(
          "year",
          "a year ending 31 March, 2000 to " + (LocalDate.now().getYear() + 1) + ": " + year);
    }
    return new LocalDate[] {LocalDate.of(year - 1, 4, 1), LocalDate.of(year, 3, 31)};
  }

  @Transactional(readOnly = true)
  public List<Measure> measures(int year) {
    LocalDate[] period = yearEnding(year);
    List<Measure> shown = new ArrayList<>();
    for (Count c : counts(period[0], period[1])) {
      Integer[] pair = Shown.pair(c.numerator(), c.denominator());
      Integer num = pair[0];
      Integer den = pair[1];
      shown.add(
          new Measure(
              c.code(),
              c.name(),
              period[0],
              period[1],
              num,
              den,
              num == null || den == null || den == 0 ? null : (double) num / den));
    }
    return shown;
  }

  /** Every measure for the period, unsuppressed (for tests and exports with their own rules). */
  List<Count> counts(LocalDate from, LocalDate to) {
    Map<String, Object> period = Map.of("from", from, "to", to);
    List<Count> counts = new ArrayList<>();
    Map<String, Object> reReferrals = run("re-referrals", period);
    counts.add(
        new Count(
            "RE_REFERRALS_12_MONTHS",
            "Referrals within 12 months of a previous referral",
            (Long) reReferrals.get("numerator"),
            (Long) reReferrals.get("denominator")));
    Map<String, Object> repeat = run("repeat-cp-plans", period);
    counts.add(
        new Count(
            "REPEAT_CP_PLANS",
            "Child protection plans that are the child's second or later",
            (Long) repeat.get("secondOrLater"),
            (Long) repeat.get("denominator")));
    counts.add(
        new Count(
            "REPEAT_CP_PLANS_WITHIN_2_YEARS",
            "Child protection plans starting within 2 years of a previous plan's end",
            (Long) repeat.get("withinTwoYears"),
            (Long) repeat.get("denominator")));
    Map<String, Object> lasting = run("cp-plans-lasting-two-years", period);
    counts.add(
        new Count(
            "CP_PLANS_LASTING_2_YEARS",
            "Child protection plans ended in the year that lasted 2 years or more",
            (Long) lasting.get("numerator"),
            (Long) lasting.get("denominator")));
    Map<String, Object> stability = run("placement-stability", period);
    counts.add(
        new Count(
            "LOOKED_AFTER_3_OR_MORE_PLACEMENTS",
            "Children looked after on 31 March with 3 or more placements in the year",
            (Long) stability.get("numerator"),
            (Long) stability.get("denominator")));
    Map<String, Object> longTerm = run("long-term-stability", period);
    counts.add(
        new Count(
            "LONG_TERM_PLACEMENT_STABILITY",
            "Children under 16 looked after 2.5 years or more, in the same placement 2 years or more",
            (Long) longTerm.get("numerator"),
            (Long) longTerm.get("denominator")));
    return counts;
  }

  private Map<String, Object> run(String name, Map<String, Object> params) {
    return neo4j
        .query(CypherFile.load("queries/measures/" + name))
        .bindAll(params)
        .fetch()
        .one()
        .orElseThrow();
  }
}
