package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Our geography and the ONS population estimates of its areas (docs/measures.md#hotspots). An
 * area's population for an age range is its own estimate when the bands imported for it cover every
 * age of the range and none straddles an end; else, for a ward, the sum over its LSOAs and, for the
 * local authority, over its wards, when every one of them has a population; else none.
 */
@Component
class AreaPopulation {

  /** An area, its IMD decile and the areas it is in. */
  record Area(String code, String name, String kind, Integer imdDecile, List<String> parents) {}

  private final Neo4jClient neo4j;

  AreaPopulation(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  List<Area> areas() {
    List<Area> areas = new ArrayList<>();
    for (Map<String, Object> r :
        neo4j.query(CypherFile.load("queries/baseline/areas")).fetch().all()) {
      Object decile = r.get("imdDecile");
      @SuppressWarnings("unchecked")
      List<String> parents = (List<String>) r.get("parents");
      areas.add(
          new Area(
              (String) r.get("code"),
              (String) r.get("name"),
              (String) r.get("kind"),
              decile == null ? null : ((Number) decile).intValue(),
              parents == null ? List.of() : parents));
    }
    return areas;
  }

  TreeSet<Integer> years() {
    TreeSet<Integer> years = new TreeSet<>();
    neo4j
        .query(CypherFile.load("queries/baseline/population-years"))
        .fetch()
        .all()
        .forEach(r -> years.add(((Number) r.get("year")).intValue()));
    return years;
  }

  /**
   * The mid-year estimate used for a date: the date's own year if held, else the latest earlier
   * year, else the earliest later one; null when none is held.
   */
  static Integer yearFor(LocalDate date, TreeSet<Integer> years) {
    Integer year = years.floor(date.getYear());
    return year != null ? year : years.ceiling(date.getYear());
  }

  /** Each area's population aged ageFrom..ageTo in the year (own estimate, else derived). */
  Map<String, Long> populations(Collection<Area> areas, int year, int ageFrom, int ageTo) {
    Map<String, long[]> bands = new HashMap<>(); // area -> {sum, ages covered, straddles}
    neo4j
        .query(CypherFile.load("queries/baseline/population-estimates"))
        .bindAll(Map.of("year", year, "ageFrom", ageFrom, "ageTo", ageTo))
        .fetch()
        .all()
        .forEach(
            r -> {
              long from = ((Number) r.get("ageFrom")).longValue();
              long to = ((Number) r.get("ageTo")).longValue();
              long[] b = bands.computeIfAbsent((String) r.get("area"), k -> new long[3]);
              if (from < ageFrom || to > ageTo) {
                b[2] = 1;
              } else {
                b[0] += ((Number) r.get("count")).longValue();
                b[1] += to - from + 1;
              }
            });
    Map<String, Long> population = new HashMap<>();
    bands.forEach(
        (area, b) -> {
          if (b[2] == 0 && b[1] == ageTo - ageFrom + 1) {
            population.put(area, b[0]);
          }
        });
    // Wards from their LSOAs, then local authorities from their wards.
    for (String kind : List.of("WARD", "LOCAL_AUTHORITY")) {
      String partKind = kind.equals("WARD") ? "LSOA" : "WARD";
      for (Area a : areas) {
        if (!kind.equals(a.kind()) || population.containsKey(a.code())) {
          continue;
        }
        long sum = 0;
        int parts = 0;
        boolean complete = true;
        for (Area part : areas) {
          if (partKind.equals(part.kind()) && part.parents().contains(a.code())) {
            parts++;
            Long p = population.get(part.code());
            if (p == null) {
              complete = false;
            } else {
              sum += p;
            }
          }
        }
        if (parts > 0 && complete) {
          population.put(a.code(), sum);
        }
      }
    }
    return population;
  }

  /**
   * The authority's population: of its local authority area(s) (own estimate or derived), or with
   * no such area, the sum over every LSOA; null when any is missing.
   */
  static Long authority(List<Area> areas, Map<String, Long> population) {
    List<Area> las = areas.stream().filter(a -> "LOCAL_AUTHORITY".equals(a.kind())).toList();
    List<Area> parts =
        las.isEmpty() ? areas.stream().filter(a -> "LSOA".equals(a.kind())).toList() : las;
    if (parts.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (Area a : parts) {
      Long p = population.get(a.code());
      if (p == null) {
        return null;
      }
      sum += p;
    }
    return sum;
  }
}
