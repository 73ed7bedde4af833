package org.childjourneys.authority;

import static org.assertj.core.api.Assertions.assertThat;

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
  void servicesCountWhatTheGraphHoldsWithSmallNumbersSuppressed() {
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
    for (Map<String, Object> service : services) {
      List<Long> counts = expected.getOrDefault((String) service.get("code"), List.of(0L, 0L, 0L));
      assertThat(service.get("involvements")).isEqualTo(shown(counts.get(0)));
      assertThat(service.get("openInvolvements")).isEqualTo(shown(counts.get(1)));
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
