package org.childjourneys.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
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
  private final AggregateScope scope;

  MeasuresService(Neo4jClient neo4j, AggregateScope scope) {
    this.neo4j = neo4j;
    this.scope = scope;
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

  /** A measure: its code, name, named query and the query's numerator and denominator columns. */
  private record Definition(
      String code, String name, String query, String numerator, String denominator) {
    Definition(String code, String name, String query, String numerator) {
      this(code, name, query, numerator, "denominator");
    }
  }

  private static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              "RE_REFERRALS_12_MONTHS",
              "Referrals within 12 months of a previous referral",
              "re-referrals",
              "numerator"),
          new Definition(
              "REPEAT_CP_PLANS",
              "Child protection plans that are the child's second or later",
              "repeat-cp-plans",
              "secondOrLater"),
          new Definition(
              "REPEAT_CP_PLANS_WITHIN_2_YEARS",
              "Child protection plans starting within 2 years of a previous plan's end",
              "repeat-cp-plans",
              "withinTwoYears"),
          new Definition(
              "CP_PLANS_LASTING_2_YEARS",
              "Child protection plans ended in the year that lasted 2 years or more",
              "cp-plans-lasting-two-years",
              "numerator"),
          new Definition(
              "LOOKED_AFTER_3_OR_MORE_PLACEMENTS",
              "Children looked after on 31 March with 3 or more placements in the year",
              "placement-stability",
              "numerator"),
          new Definition(
              "LONG_TERM_PLACEMENT_STABILITY",
              "Children under 16 looked after 2.5 years or more, in the same placement 2 years or"
                  + " more",
              "long-term-stability",
              "numerator"),
          new Definition(
              "NEET_OR_NOT_KNOWN_16_17",
              "Young people of academic age 16-17 not in education, employment or training, or"
                  + " activity not known (December-February average)",
              "neet-16-17",
              "numerator"),
          new Definition(
              "CARE_LEAVERS_17_18_IN_TOUCH",
              "Care leavers aged 17-18 in touch with the local authority",
              "care-leavers",
              "inTouch17to18",
              "aged17to18"),
          new Definition(
              "CARE_LEAVERS_17_18_IN_EDUCATION_EMPLOYMENT_TRAINING",
              "Care leavers aged 17-18 in education, employment or training",
              "care-leavers",
              "eet17to18",
              "aged17to18"),
          new Definition(
              "CARE_LEAVERS_17_18_SUITABLE_ACCOMMODATION",
              "Care leavers aged 17-18 in suitable accommodation",
              "care-leavers",
              "suitable17to18",
              "aged17to18"),
          new Definition(
              "CARE_LEAVERS_19_21_IN_TOUCH",
              "Care leavers aged 19-21 in touch with the local authority",
              "care-leavers",
              "inTouch19to21",
              "aged19to21"),
          new Definition(
              "CARE_LEAVERS_19_21_IN_EDUCATION_EMPLOYMENT_TRAINING",
              "Care leavers aged 19-21 in education, employment or training",
              "care-leavers",
              "eet19to21",
              "aged19to21"),
          new Definition(
              "CARE_LEAVERS_19_21_SUITABLE_ACCOMMODATION",
              "Care leavers aged 19-21 in suitable accommodation",
              "care-leavers",
              "suitable19to21",
              "aged19to21"));

  /** Every measure for the period, unsuppressed (for tests and exports with their own rules). */
  @Transactional(readOnly = true)
  List<Count> counts(LocalDate from, LocalDate to) {
    // Only the facts the reader's authority recorded
    // (docs/measures.md#aggregates-of-several-authorities).
    Map<String, Object> period = scope.with(Map.of("from", from, "to", to));
    Map<String, Map<String, Object>> answers = new java.util.HashMap<>(); // each query runs once
    List<Count> counts = new ArrayList<>();
    for (Definition d : DEFINITIONS) {
      Map<String, Object> answer = answers.computeIfAbsent(d.query(), q -> run(q, period));
      counts.add(
          new Count(
              d.code(),
              d.name(),
              (Long) answer.get(d.numerator()),
              (Long) answer.get(d.denominator())));
    }
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
