package org.childjourneys.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class AuthorityApiTest extends IntegrationTest {

  @Test
  void authorityIsTheSyntheticDemo() {
    graphQl
        .document("{ authority { name dataset status synthetic children referenceDate } }")
        .execute()
        .path("authority.name")
        .entity(String.class)
        .isEqualTo("Synthetic Borough Council")
        .path("authority.dataset")
        .entity(String.class)
        .isEqualTo("SYNTHETIC")
        .path("authority.status")
        .entity(String.class)
        .isEqualTo("COMPLETE")
        .path("authority.synthetic")
        .entity(Boolean.class)
        .isEqualTo(true)
        .path("authority.children")
        .entity(Integer.class)
        .isEqualTo(CHILDREN)
        .path("authority.referenceDate")
        .entity(String.class)
        .isEqualTo("2026-03-31");
  }

  @Test
  void servicesCountWhatTheGraphHoldsWithSmallNumbersSuppressedAgainstTheirTotals() {
    Map<String, List<Long>> expected = new HashMap<>();
    try (Session s = TestNeo4j.driver().session()) {
      s.run(
              """
              MATCH (i:Involvement)
              RETURN i.service AS service, count(*) AS n,
                     count(CASE WHEN i.end IS NULL THEN 1 END) AS open,
                     count(DISTINCT i.childId) AS children
              """)
          .forEachRemaining(
              r ->
                  expected.put(
                      r.get("service").asString(),
                      List.of(
                          r.get("n").asLong(),
                          r.get("open").asLong(),
                          r.get("children").asLong())));
    }
    List<Map<String, Object>> services =
        graphQl
            .document("{ services { code name teams involvements openInvolvements children } }")
            .execute()
            .path("services")
            .entityList(Map.class)
            .hasSize(9)
            .get()
            .stream()
            .map(m -> (Map<String, Object>) m)
            .toList();
    Map<String, Object> totals =
        graphQl
            .document("{ serviceTotals { involvements openInvolvements } }")
            .execute()
            .path("serviceTotals")
            .entity(Map.class)
            .get();
    for (int column = 0; column < 2; column++) {
      String field = column == 0 ? "involvements" : "openInvolvements";
      long total = 0;
      List<Long> withheld = new ArrayList<>();
      for (Map<String, Object> service : services) {
        long real =
            expected.getOrDefault((String) service.get("code"), List.of(0L, 0L, 0L)).get(column);
        total += real;
        Object shown = service.get(field);
        if (shown == null) {
          withheld.add(real);
        } else {
          assertThat(shown).as(field).isEqualTo((int) real);
          assertThat(real >= 1 && real <= 5).as(field + " small but shown").isFalse();
        }
      }
      Object shownTotal = totals.get(field);
      if (shownTotal != null) {
        assertThat(shownTotal).isEqualTo((int) total);
        // The total minus the shown counts is the sum of the nulls: never one null on its own.
        assertThat(withheld.size()).as(field + " withheld").isNotEqualTo(1);
        if (!withheld.isEmpty()) {
          assertThat(withheld.stream().mapToLong(Long::longValue).sum())
              .isNotEqualTo(withheld.size());
        }
      }
    }
    for (Map<String, Object> service : services) {
      List<Long> counts = expected.getOrDefault((String) service.get("code"), List.of(0L, 0L, 0L));
      // Distinct children do not add up across services: primary suppression only.
      assertThat(service.get("children")).isEqualTo(shown(counts.get(2)));
      assertThat((Integer) service.get("teams")).isPositive();
    }
    assertThat(services).extracting(m -> m.get("code")).contains("SOCIAL_CARE", "HOUSING");
  }

  private static Integer shown(long count) {
    return count >= 1 && count <= 5 ? null : (int) count;
  }

  @Test
  void dataSourcesSayWhatPeriodTheyCover() {
    graphQl
        .document("{ dataSources { system services coveredFrom coveredTo asAt } }")
        .execute()
        .path("dataSources[*].system")
        .entityList(String.class)
        .containsExactly(
            "SYN_EARLY_HELP",
            "SYN_EDUCATION",
            "SYN_HEALTH",
            "SYN_HOUSING",
            "SYN_POLICE",
            "SYN_SOCIAL_CARE",
            "SYN_YOUTH_JUSTICE")
        .path("dataSources[3].coveredFrom")
        .entity(String.class)
        .isEqualTo("2021-04-01")
        .path("dataSources[3].services")
        .entityList(String.class)
        .containsExactly("HOUSING")
        .path("dataSources[0].coveredTo")
        .entity(String.class)
        .isEqualTo("2026-03-31");
  }
}
