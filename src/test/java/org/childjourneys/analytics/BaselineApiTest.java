package org.childjourneys.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * Baseline and trends on the synthetic authority: its population estimates come with it (made from
 * its children), so rates work out of the box; nothing small is shown; nodes agree with links.
 */
class BaselineApiTest extends IntegrationTest {

  /** The synthetic children alive on 30 June 2025 aged 0-17, with an address then. */
  private static long childrenAtMid2025() {
    try (Session s = TestNeo4j.driver().session()) {
      return s.run(
              """
              WITH date('2025-06-30') AS mid
              MATCH (c:Child) WHERE c.synthetic AND c.birthDate <= mid
                AND (c.deathDate IS NULL OR c.deathDate > mid)
                AND duration.between(c.birthDate, mid).years <= 17
                AND EXISTS { (c)-[m:MEMBER_OF]->(:Household)-[l:LIVES_AT]->(:Address)-[:IN]->(:Area)
                             WHERE m.from <= mid AND (m.to IS NULL OR m.to > mid)
                               AND l.from <= mid AND (l.to IS NULL OR l.to > mid) }
              RETURN count(c) AS n
              """)
          .single()
          .get("n")
          .asLong();
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void hotspotsOnTheSyntheticAuthorityUseItsOwnPopulationEstimates() {
    var r =
        as("analyst")
            .document(
                """
                { hotspots(service: "SOCIAL_CARE", from: "2025-04-01", to: "2026-03-31", first: 200) {
                    kind populationYear areasWithoutPopulation withoutPopulation note
                    areas { code kind ward children population ratePer10000 imdDecile } } }
                """)
            .execute();
    // Mid-2026 is after the reference date: mid-2025 is the latest.
    r.path("hotspots.populationYear").entity(Integer.class).isEqualTo(2025);
    r.path("hotspots.note")
        .entity(String.class)
        .isEqualTo("No estimates for mid-2026: mid-2025 estimates are used");
    r.path("hotspots.areasWithoutPopulation").entity(Integer.class).isEqualTo(0);
    List<Map> areas = r.path("hotspots.areas").entityList(Map.class).get();
    assertThat(areas).isNotEmpty();
    long population = 0;
    Double previous = null;
    for (Map a : areas) {
      assertThat(a.get("kind")).isEqualTo("LSOA");
      assertThat(a.get("ward")).isNotNull();
      assertThat(a.get("imdDecile")).isNotNull();
      population += ((Number) a.get("population")).longValue();
      Integer children = (Integer) a.get("children");
      if (children == null) {
        assertThat(a.get("ratePer10000")).isNull();
        continue;
      }
      assertThat(children == 0 || children > 5).as("children %s", children).isTrue();
      double rate = ((Number) a.get("ratePer10000")).doubleValue();
      assertThat(rate)
          .isEqualTo(
              Math.round(children * 100_000.0 / ((Number) a.get("population")).longValue()) / 10.0);
      if (previous != null) {
        assertThat(rate).isLessThanOrEqualTo(previous);
      }
      previous = rate;
    }
    // Every LSOA is listed (fewer than 200), and their estimates add up to the children.
    assertThat(population).isEqualTo(childrenAtMid2025());
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void trendsAndFlowsOnTheSyntheticAuthority() {
    var trends =
        as("leader")
            .document(
                """
                { serviceTrends(from: "2025-04-01", to: "2026-03-31", every: QUARTER,
                                services: ["SOCIAL_CARE"], needCodes: ["N1"]) {
                    note periods { start populationYear population
                      rows { service needCode started open openPer10000 } } } }
                """)
            .execute();
    trends.path("serviceTrends.note").valueIsNull();
    List<Map> periods = trends.path("serviceTrends.periods").entityList(Map.class).get();
    assertThat(periods).hasSize(4);
    long population = childrenAtMid2025();
    for (Map p : periods) {
      assertThat(((Number) p.get("population")).longValue()).isEqualTo(population);
      assertThat(p.get("populationYear")).isEqualTo(2025);
      for (Map row : (List<Map>) p.get("rows")) {
        Integer open = (Integer) row.get("open");
        if (open != null) {
          assertThat(open == 0 || open > 5).isTrue();
          assertThat(((Number) row.get("openPer10000")).doubleValue())
              .isEqualTo(Math.round(open * 100_000.0 / population) / 10.0);
        }
      }
    }

    var flows =
        as("manager")
            .document(
                """
                { serviceFlows(from: "2025-04-01", to: "2026-03-31", every: QUARTER,
                               services: ["SOCIAL_CARE", "EARLY_HELP", "YOUTH_JUSTICE"]) {
                    children nodes { id period children } links { source target children } } }
                """)
            .execute();
    List<Map> nodes = flows.path("serviceFlows.nodes").entityList(Map.class).get();
    List<Map> links = flows.path("serviceFlows.links").entityList(Map.class).get();
    Map<String, long[]> outSums = new HashMap<>(); // node -> {sum of shown, withheld links}
    for (Map l : links) {
      Integer n = (Integer) l.get("children");
      assertThat(n == null || n == 0 || n > 5).isTrue();
      long[] s = outSums.computeIfAbsent((String) l.get("source"), k -> new long[2]);
      if (n == null) {
        s[1]++;
      } else {
        s[0] += n;
      }
    }
    Integer children = flows.path("serviceFlows.children").entity(Integer.class).get();
    assertThat(children).isGreaterThan(5);
    for (Map n : nodes) {
      long[] s = outSums.get((String) n.get("id"));
      Integer count = (Integer) n.get("children");
      if (s == null) {
        continue; // the last period
      }
      // A node whose links are all shown is their sum; no node has exactly one withheld link
      // while it is shown itself.
      if (count != null && s[1] == 0) {
        assertThat(s[0]).isEqualTo(count.longValue());
      }
      if (count != null) {
        assertThat(s[1]).isNotEqualTo(1);
      }
    }
  }
}
