package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.childjourneys.InvalidInputException;
import org.childjourneys.dataset.ServiceDomains;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts and rates per month or quarter by service and need code (docs/measures.md#trends):
 * children with an involvement starting, with one open, and with an event, and the first two per
 * 10,000 children aged 0-17 in the authority (ONS mid-year estimates). Suppressed for every role.
 */
@Service
public class ServiceTrendsService {

  static final int MAX_PERIODS = 60;
  static final int AGE_FROM = 0;
  static final int AGE_TO = 17;

  public record Trends(
      LocalDate from, LocalDate to, String every, String note, List<TrendPeriod> periods) {}

  public record TrendPeriod(
      LocalDate start,
      LocalDate end,
      Integer populationYear,
      Long population,
      List<TrendRow> rows) {}

  public record TrendRow(
      String service,
      String needCode,
      Integer started,
      Integer open,
      Integer withEvent,
      Double startedPer10000,
      Double openPer10000) {}

  /** Real counts of one row. */
  record Counts(long started, long open, long withEvent) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final AreaPopulation population;

  ServiceTrendsService(Neo4jClient neo4j, AreaPopulation population, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.population = population;
  }

  @Transactional(readOnly = true)
  public Trends trends(
      LocalDate from, LocalDate to, String every, List<String> services, List<String> needCodes) {
    if (every != null && !every.equals("MONTH") && !every.equals("QUARTER")) {
      throw new InvalidInputException("every", "one of MONTH, QUARTER");
    }
    BaselinePeriods periods =
        BaselinePeriods.of(from, to, every == null ? "MONTH" : every, MAX_PERIODS);
    List<String> chosen = services(services);
    List<String> codes = needCodes(needCodes);
    // service -> needCode ("" for none) -> period -> counts
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Object> params = new HashMap<>(periods.parameters());
    params.put("services", chosen);
    params.put("needCodes", codes);
    params.put(AggregateScope.PARAMETER, scope.systems());
    countServices(params, chosen, periods.periods().size(), counts);
    if (!codes.isEmpty()) {
      neo4j
          .query(CypherFile.load("queries/baseline/trends-need-codes"))
          .bindAll(params)
          .fetch()
          .all()
          .forEach(
              r -> {
                long[] c = counts.computeIfAbsent(key(r), k -> new long[3]);
                c[0] = ((Number) r.get("started")).longValue();
                c[1] = ((Number) r.get("open")).longValue();
              });
    }
    neo4j
        .query(CypherFile.load("queries/baseline/trends-events"))
        .bindAll(params)
        .fetch()
        .all()
        .forEach(r -> counts.computeIfAbsent(key(r), k -> new long[3])[2] = number(r, "children"));
    TreeSet<Integer> years = population.years();
    List<AreaPopulation.Area> areas = years.isEmpty() ? List.of() : population.areas();
    Map<Integer, Long> byYear = new HashMap<>();
    List<TrendPeriod> out = new ArrayList<>();
    for (BaselinePeriods.Period p : periods.periods()) {
      Integer year = AreaPopulation.yearFor(p.start(), years);
      Long pop =
          year == null
              ? null
              : byYear.computeIfAbsent(
                  year,
                  y ->
                      AreaPopulation.authority(
                          areas, population.populations(areas, y, AGE_FROM, AGE_TO)));
      List<TrendRow> rows = new ArrayList<>();
      for (String service : chosen) {
        long[] all = counts.getOrDefault(service + "|" + "" + "|" + p.index(), new long[3]);
        rows.add(row(service, null, all, null, pop));
        for (String code : codes) {
          long[] c = counts.getOrDefault(service + "|" + code + "|" + p.index(), new long[3]);
          rows.add(row(service, code, c, all, pop));
        }
      }
      out.add(new TrendPeriod(p.start(), p.end(), year, pop, rows));
    }
    String note =
        years.isEmpty()
            ? "No population estimates are imported, so there are no rates: import ONS mid-year"
                + " estimates with import/import.sh population <file>"
            : out.stream().anyMatch(t -> t.population() == null)
                ? "Some periods have no population for the authority aged 0-17: an area lacks an"
                    + " estimate for every age 0 to 17 (see hotspots' withoutPopulation)"
                : null;
    return new Trends(periods.from(), periods.to(), every == null ? "MONTH" : every, note, out);
  }

  /**
   * The service rows' started and open counts: each child's open involvements of the services from
   * their journey summary, marked per service into the periods they were open and the period they
   * started in, so a child counts once per service and period however many involvements they had.
   */
  private void countServices(
      Map<String, Object> params, List<String> services, int periods, Map<String, long[]> counts) {
    long[][] started = new long[services.size()][periods];
    long[][] open = new long[services.size()][periods];
    Map<String, Object> withIndex = new HashMap<>(params);
    Map<String, Object> serviceIndex = new HashMap<>();
    services.forEach(s -> serviceIndex.put(s, serviceIndex.size()));
    withIndex.put("serviceIndex", serviceIndex);
    BitSet[] openIn = new BitSet[services.size()];
    BitSet[] startedIn = new BitSet[services.size()];
    for (Map<String, Object> r :
        neo4j
            .query(CypherFile.load("queries/baseline/trends-summaries"))
            .bindAll(withIndex)
            .fetch()
            .all()) {
      for (int s = 0; s < services.size(); s++) {
        openIn[s] = null;
      }
      for (Object o : (List<?>) r.get("steps")) {
        int code = ((Number) o).intValue();
        int service = OpenStepCodes.tag(code) / 2;
        boolean startedInFirst = OpenStepCodes.tag(code) % 2 == 1;
        int first = OpenStepCodes.first(code);
        int last = OpenStepCodes.last(code, periods);
        if (openIn[service] == null) {
          openIn[service] = new BitSet(periods);
          startedIn[service] = new BitSet(periods);
        }
        if (first <= last) {
          openIn[service].set(first, last + 1);
          if (startedInFirst) {
            startedIn[service].set(first);
          }
        }
      }
      long children = ((Number) r.get("children")).longValue();
      for (int service = 0; service < services.size(); service++) {
        if (openIn[service] != null) {
          long[] openCounts = open[service];
          long[] startedCounts = started[service];
          openIn[service].stream().forEach(p -> openCounts[p] += children);
          startedIn[service].stream().forEach(p -> startedCounts[p] += children);
        }
      }
    }
    for (int service = 0; service < services.size(); service++) {
      for (int p = 0; p < periods; p++) {
        if (open[service][p] > 0) {
          long[] c = counts.computeIfAbsent(services.get(service) + "||" + p, k -> new long[3]);
          c[0] = started[service][p];
          c[1] = open[service][p];
        }
      }
    }
  }

  /**
   * A row as shown: each count withheld when 1 to 5; a need code's count also when the service's
   * children without it number 1 to 5 and the service's count is shown beside it; a rate on a
   * withheld count is withheld.
   */
  static TrendRow row(String service, String code, long[] c, long[] all, Long population) {
    Integer[] shown = new Integer[3];
    for (int i = 0; i < 3; i++) {
      shown[i] = SmallNumbers.suppress(c[i]);
      if (all != null
          && SmallNumbers.suppress(all[i]) != null
          && all[i] - c[i] >= 1
          && all[i] - c[i] <= SmallNumbers.MAX_SUPPRESSED) {
        shown[i] = null;
      }
    }
    return new TrendRow(
        service,
        code,
        shown[0],
        shown[1],
        shown[2],
        rate(shown[0], population),
        rate(shown[1], population));
  }

  /**
   * Per 10,000, to one decimal place; null when the count is withheld or there is no population.
   */
  static Double rate(Integer count, Long population) {
    if (count == null || population == null || population == 0) {
      return null;
    }
    return Math.round(count * 100_000.0 / population) / 10.0;
  }

  private static String key(Map<String, Object> r) {
    Object code = r.get("needCode");
    return r.get("service") + "|" + (code == null ? "" : code) + "|" + number(r, "period");
  }

  private static long number(Map<String, Object> r, String field) {
    return ((Number) r.get(field)).longValue();
  }

  static List<String> services(List<String> services) {
    if (services == null || services.isEmpty()) {
      return ServiceDomains.CODES;
    }
    for (String s : services) {
      if (!ServiceDomains.CODES.contains(s)) {
        throw new InvalidInputException(
            "services", "unknown service '" + s + "'; expected one of " + ServiceDomains.CODES);
      }
    }
    return List.copyOf(new LinkedHashSet<>(services));
  }

  private List<String> needCodes(List<String> needCodes) {
    if (needCodes == null || needCodes.isEmpty()) {
      return List.of();
    }
    if (needCodes.size() > 20) {
      throw new InvalidInputException("needCodes", "at most 20 need codes");
    }
    List<String> known =
        neo4j.query(CypherFile.load("queries/baseline/need-codes")).fetch().all().stream()
            .map(r -> (String) r.get("code"))
            .toList();
    for (String c : needCodes) {
      if (!known.contains(c)) {
        throw new InvalidInputException(
            "needCodes",
            "unknown need code '"
                + c
                + "'; expected a CIN factor or primary need code such as "
                + known.subList(0, Math.min(known.size(), 12))
                + " (the Need vocabulary)");
      }
    }
    return List.copyOf(new LinkedHashSet<>(needCodes));
  }
}
