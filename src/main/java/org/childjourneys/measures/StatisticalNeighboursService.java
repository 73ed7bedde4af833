package org.childjourneys.measures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our measures beside our statistical neighbours' published values, their median and England's
 * (docs/measures.md, "Statistical neighbours"). Published values are LA-level percentages, public
 * already; our own value is the measure as {@link MeasuresService} shows it, so its small-number
 * rules hold (a withheld count leaves our value null).
 */
@Service
public class StatisticalNeighboursService {

  /** England's ONS code, the key of the national values. */
  static final String ENGLAND = "E92000001";

  /** What the API answers: this LA, its neighbours, a note when something is missing. */
  public record StatisticalNeighbours(
      int year,
      String laCode,
      String laName,
      List<Neighbour> neighbours,
      String note,
      List<Comparison> comparisons) {}

  public record Neighbour(String laCode, String laName, int rank) {}

  /** A neighbour's published value: null when DfE withheld it (suppressed) or none was imported. */
  public record NeighbourValue(
      String laCode, String laName, int rank, Double value, boolean suppressed) {}

  /** One measure: ours, the neighbours', their median, England's, and where we rank. */
  public record Comparison(
      String code,
      String name,
      Double localValue,
      Integer localNumerator,
      Integer localDenominator,
      Double localPublished,
      List<NeighbourValue> neighbourValues,
      Double neighbourMedian,
      int neighboursWithValue,
      Double england,
      Integer localRank,
      Integer rankedOf) {}

  private final Neo4jClient neo4j;
  private final MeasuresService measures;
  private final String home;
  private final org.childjourneys.security.Actors actors;
  private final org.childjourneys.security.Authorities authorities;

  StatisticalNeighboursService(
      Neo4jClient neo4j,
      MeasuresService measures,
      @Value("${childjourneys.authority.la-code:}") String laCode,
      org.childjourneys.security.Actors actors,
      org.childjourneys.security.Authorities authorities) {
    this.neo4j = neo4j;
    this.measures = measures;
    this.home = laCode == null ? "" : laCode.strip().toUpperCase(java.util.Locale.ROOT);
    this.actors = actors;
    this.authorities = authorities;
  }

  @Transactional(readOnly = true)
  public StatisticalNeighbours compare(int year, List<String> codes) {
    MeasuresService.yearEnding(year);
    // The reader's own authority: its measures (counted from its own systems' facts) against its
    // own neighbours (docs/measures.md#aggregates-of-several-authorities).
    String laCode = actors.current().map(authorities::of).orElse(home);
    List<MeasuresService.Measure> local = measures.measures(year);
    Map<String, MeasuresService.Measure> byCode = new LinkedHashMap<>();
    local.forEach(m -> byCode.put(m.code(), m));
    List<String> wanted = codes == null || codes.isEmpty() ? List.copyOf(byCode.keySet()) : codes;
    for (String c : wanted) {
      if (!byCode.containsKey(c)) {
        throw new InvalidInputException(
            "codes", "no measure " + c + "; the measures are " + byCode.keySet());
      }
    }
    wanted = wanted.stream().distinct().toList();
    if (!laCode.matches("E(06|08|09|10)\\d{6}")) {
      return new StatisticalNeighbours(
          year,
          laCode.isEmpty() ? null : laCode,
          null,
          List.of(),
          "This service does not know which local authority it is: set"
              + " childjourneys.authority.la-code to the LA's ONS code (e.g. E06000001)"
              + (laCode.isEmpty() ? "" : "; it is set to '" + laCode + "'"),
          List.of());
    }
    Collection<Map<String, Object>> rows =
        neo4j
            .query(CypherFile.load("queries/measures/statistical-neighbours"))
            .bindAll(Map.of("la", laCode, "codes", wanted, "year", year, "england", ENGLAND))
            .fetch()
            .all();
    String laName = null;
    List<Neighbour> neighbours = List.of();
    List<Comparison> comparisons = new ArrayList<>();
    boolean anyPublished = false;
    for (Map<String, Object> row : rows) {
      laName = (String) row.get("laName");
      neighbours = neighbours(row.get("neighbours"));
      Map<String, Map<?, ?>> values = new HashMap<>();
      for (Object v : (List<?>) row.get("values")) {
        Map<?, ?> value = (Map<?, ?>) v;
        values.put((String) value.get("laCode"), value);
        anyPublished |= Boolean.TRUE.equals(value.get("found"));
      }
      comparisons.add(comparison(laCode, byCode.get((String) row.get("code")), neighbours, values));
    }
    String note = null;
    if (neighbours.isEmpty()) {
      note =
          "No statistical neighbours of "
              + laCode
              + " are imported: import the neighbour lists (import/import.sh neighbours <file>)";
    } else if (!anyPublished) {
      note =
          "No published values for the year ending 31 March "
              + year
              + " are imported for these measures: import the indicators (import/import.sh"
              + " indicators <file>)";
    }
    return new StatisticalNeighbours(year, laCode, laName, neighbours, note, comparisons);
  }

  private static List<Neighbour> neighbours(Object list) {
    List<Neighbour> neighbours = new ArrayList<>();
    for (Object o : (List<?>) list) {
      Map<?, ?> n = (Map<?, ?>) o;
      neighbours.add(
          new Neighbour(
              (String) n.get("code"), (String) n.get("name"), ((Number) n.get("rank")).intValue()));
    }
    return neighbours;
  }

  private static Comparison comparison(
      String la,
      MeasuresService.Measure measure,
      List<Neighbour> neighbours,
      Map<String, Map<?, ?>> values) {
    List<NeighbourValue> shown = new ArrayList<>();
    List<Double> available = new ArrayList<>();
    for (Neighbour n : neighbours) {
      Map<?, ?> v = values.get(n.laCode());
      Double value = v == null ? null : number(v.get("value"));
      boolean suppressed = v != null && Boolean.TRUE.equals(v.get("suppressed"));
      shown.add(new NeighbourValue(n.laCode(), n.laName(), n.rank(), value, suppressed));
      if (value != null) {
        available.add(value);
      }
    }
    Double local = measure.rate() == null ? null : Math.round(measure.rate() * 1000) / 10.0;
    Integer rank = null;
    if (local != null) {
      rank = 1 + (int) available.stream().filter(v -> v < local).count();
    }
    return new Comparison(
        measure.code(),
        measure.name(),
        local,
        measure.numerator(),
        measure.denominator(),
        published(values, la),
        shown,
        median(available),
        available.size(),
        published(values, ENGLAND),
        rank,
        local == null ? null : available.size() + 1);
  }

  private static Double published(Map<String, Map<?, ?>> values, String code) {
    Map<?, ?> v = values.get(code);
    return v == null ? null : number(v.get("value"));
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  /** The median of the values (the mean of the middle two of an even number), to 2 places. */
  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return Math.round(m * 100) / 100.0;
  }
}
