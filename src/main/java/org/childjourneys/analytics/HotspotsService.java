package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Hotspots by area (docs/measures.md#hotspots): per LSOA or ward, the children of an age range with
 * an involvement of a service in a period, as a rate per 10,000 children of that age living there
 * (ONS mid-year estimates), with the IMD decile alongside. Suppressed for every role.
 */
@Service
public class HotspotsService {

  static final int MAX_FIRST = 200;
  static final int MAX_WITHOUT_POPULATION = 100;

  public record Hotspots(
      String kind,
      String service,
      LocalDate from,
      LocalDate to,
      int ageFrom,
      int ageTo,
      Integer populationYear,
      int areasWithoutPopulation,
      List<String> withoutPopulation,
      Integer childrenWithoutArea,
      String note,
      List<Hotspot> areas) {}

  public record Hotspot(
      String code,
      String name,
      String kind,
      String ward,
      Integer children,
      Long population,
      Double ratePer10000,
      Integer imdDecile) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final AreaPopulation population;

  HotspotsService(Neo4jClient neo4j, AreaPopulation population, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.population = population;
  }

  @Transactional(readOnly = true)
  public Hotspots hotspots(
      String kind,
      String service,
      LocalDate from,
      LocalDate to,
      int ageFrom,
      int ageTo,
      int first) {
    String areaKind = kind == null ? "LSOA" : kind;
    if (!areaKind.equals("LSOA") && !areaKind.equals("WARD")) {
      throw new InvalidInputException("kind", "one of LSOA, WARD");
    }
    if (service == null || !ServiceDomains.CODES.contains(service)) {
      throw new InvalidInputException(
          "service", "unknown service '" + service + "'; expected one of " + ServiceDomains.CODES);
    }
    if (from == null || to == null) {
      throw new InvalidInputException(from == null ? "from" : "to", "required");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "before from (" + from + ")");
    }
    if (ageFrom < 0 || ageTo > 25 || ageFrom > ageTo) {
      throw new InvalidInputException(
          ageFrom < 0 || ageFrom > ageTo ? "ageFrom" : "ageTo",
          "ages from 0 to 25, ageFrom not above ageTo");
    }
    if (first < 1 || first > MAX_FIRST) {
      throw new InvalidInputException("first", "from 1 to " + MAX_FIRST);
    }
    List<AreaPopulation.Area> areas = population.areas();
    Map<String, AreaPopulation.Area> byCode = new HashMap<>();
    areas.forEach(a -> byCode.put(a.code(), a));
    Map<String, Long> children = new HashMap<>();
    long withoutArea = 0;
    for (Map<String, Object> r :
        neo4j
            .query(CypherFile.load("queries/baseline/hotspots"))
            .bindAll(
                scope.with(
                    Map.of(
                        "service", service, "from", from, "to", to, "ageFrom", ageFrom, "ageTo",
                        ageTo)))
            .fetch()
            .all()) {
      long count = ((Number) r.get("children")).longValue();
      String area = areaOf(byCode, (String) r.get("lsoa"), areaKind);
      if (area == null) {
        withoutArea += count;
      } else {
        children.merge(area, count, Long::sum);
      }
    }
    TreeSet<Integer> years = population.years();
    Integer year = AreaPopulation.yearFor(to, years);
    Map<String, Long> populations =
        year == null ? Map.of() : population.populations(areas, year, ageFrom, ageTo);
    List<Hotspot> rows = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (AreaPopulation.Area a : areas) {
      if (!areaKind.equals(a.kind())) {
        continue;
      }
      Long pop = populations.get(a.code());
      if (pop == null) {
        without.add(a.code());
      }
      Integer shown = SmallNumbers.suppress(children.getOrDefault(a.code(), 0L));
      String ward =
          areaKind.equals("LSOA")
              ? a.parents().stream()
                  .filter(p -> byCode.containsKey(p) && "WARD".equals(byCode.get(p).kind()))
                  .findFirst()
                  .orElse(null)
              : null;
      rows.add(
          new Hotspot(
              a.code(),
              a.name(),
              a.kind(),
              ward,
              shown,
              pop,
              ServiceTrendsService.rate(shown, pop),
              areaKind.equals("LSOA") ? a.imdDecile() : wardDecile(a, areas)));
    }
    // Shown rates highest first; then areas whose count is withheld; then areas without a
    // population; each by code. Withheld counts are not placed among the shown by their real rate.
    rows.sort(
        Comparator.comparingInt(HotspotsService::group)
            .thenComparing(
                h -> h.ratePer10000() == null ? 0.0 : -h.ratePer10000(), Comparator.naturalOrder())
            .thenComparing(Hotspot::code));
    String note =
        year == null
            ? "No population estimates are imported: import ONS mid-year estimates with"
                + " import/import.sh population <file>"
            : year != to.getYear()
                ? "No estimates for mid-" + to.getYear() + ": mid-" + year + " estimates are used"
                : null;
    return new Hotspots(
        areaKind,
        service,
        from,
        to,
        ageFrom,
        ageTo,
        year,
        without.size(),
        without.subList(0, Math.min(without.size(), MAX_WITHOUT_POPULATION)),
        SmallNumbers.suppress(withoutArea),
        note,
        rows.subList(0, Math.min(rows.size(), first)));
  }

  private static int group(Hotspot h) {
    if (h.population() == null) {
      return 2;
    }
    return h.children() == null ? 1 : 0;
  }

  /** The LSOA, or the ward it is in; null when the child has no address or it is in no ward. */
  private static String areaOf(Map<String, AreaPopulation.Area> byCode, String lsoa, String kind) {
    if (lsoa == null || !byCode.containsKey(lsoa)) {
      return null;
    }
    if (kind.equals("LSOA")) {
      return lsoa;
    }
    return byCode.get(lsoa).parents().stream()
        .filter(p -> byCode.containsKey(p) && "WARD".equals(byCode.get(p).kind()))
        .findFirst()
        .orElse(null);
  }

  /**
   * A ward's IMD decile: its own if imported, else the median of its LSOAs' deciles (the lower of
   * the middle two); MHCLG publishes the index for LSOAs only.
   */
  static Integer wardDecile(AreaPopulation.Area ward, List<AreaPopulation.Area> areas) {
    if (ward.imdDecile() != null) {
      return ward.imdDecile();
    }
    List<Integer> deciles =
        areas.stream()
            .filter(a -> "LSOA".equals(a.kind()) && a.parents().contains(ward.code()))
            .map(AreaPopulation.Area::imdDecile)
            .filter(d -> d != null)
            .sorted()
            .toList();
    return deciles.isEmpty() ? null : deciles.get((deciles.size() - 1) / 2);
  }
}
