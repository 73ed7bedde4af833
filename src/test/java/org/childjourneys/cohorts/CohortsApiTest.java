package org.childjourneys.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cohorts on the synthetic authority: what is saved matches an independent count, and every number
 * a track shows obeys the suppression rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortsApiTest extends IntegrationTest {

  @AfterAll
  void removeSavedCohorts() {
    TestNeo4j.driver()
        .executableQuery("MATCH (c:Cohort) WHERE c.name STARTS WITH 'API test' DETACH DELETE c")
        .execute();
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aSavedCohortMatchesAnIndependentCountAndItsTrackIsSuppressed() {
    String id =
        as("analyst")
            .document(
                """
                mutation { saveCohort(name: "API test: social care", definition: {
                    services: ["SOCIAL_CARE"], from: "2025-04-01", to: "2026-03-31" }) { id size } }
                """)
            .execute()
            .path("saveCohort.id")
            .entity(String.class)
            .get();
    var db = TestNeo4j.driver();
    List<Object> members =
        db.executableQuery("MATCH (c:Cohort {id: $id}) RETURN c.memberIds AS ids")
            .withParameters(Map.of("id", id))
            .execute()
            .records()
            .get(0)
            .get("ids")
            .asList();
    List<Object> expected =
        db.executableQuery(
                """
                MATCH (i:Involvement {service: 'SOCIAL_CARE'})
                WHERE i.start <= date('2026-03-31') AND (i.end IS NULL OR i.end >= date('2025-04-01'))
                  AND i.retiredAt IS NULL AND i.childId IS NOT NULL
                WITH DISTINCT i.childId AS id ORDER BY id
                RETURN collect(id) AS ids
                """)
            .execute()
            .records()
            .get(0)
            .get("ids")
            .asList();
    assertThat(members).isEqualTo(expected).hasSizeGreaterThan(5);

    var track =
        as("analyst")
            .document(
                "query($id: ID!) { cohortTrack(id: $id, from: \"2025-04-01\", to: \"2026-03-31\", every: QUARTER) { size periods { start childProtectionPlan childInNeed lookedAfter earlyHelp } } }")
            .variable("id", id)
            .execute();
    track.path("cohortTrack.size").entity(Integer.class).isEqualTo(members.size());
    List<Map> periods = track.path("cohortTrack.periods").entityList(Map.class).get();
    assertThat(periods).hasSize(4);
    for (Map p : periods) {
      for (String measure :
          List.of("childProtectionPlan", "childInNeed", "lookedAfter", "earlyHelp")) {
        Integer shown = (Integer) p.get(measure);
        if (shown != null) {
          int without = members.size() - shown;
          assertThat(shown == 0 || shown > 5).as(measure).isTrue();
          assertThat(without == 0 || without > 5).as(measure + " complement").isTrue();
        }
      }
    }
    // The first quarter's open referrals, counted independently.
    long referrals =
        db.executableQuery(
                """
                UNWIND $ids AS id
                MATCH (:Child {id: id})<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement {kind: 'CIN_EPISODE'})
                WHERE i.retiredAt IS NULL AND i.start <= date('2025-06-30')
                  AND (i.end IS NULL OR i.end >= date('2025-04-01'))
                RETURN count(DISTINCT id) AS n
                """)
            .withParameters(Map.of("ids", members))
            .execute()
            .records()
            .get(0)
            .get("n")
            .asLong();
    long others = members.size() - referrals;
    assertThat(referrals).isGreaterThan(5);
    Object firstQuarter = periods.get(0).get("childInNeed");
    if (others >= 1 && others <= 5) {
      assertThat(firstQuarter).isNull();
    } else {
      assertThat(firstQuarter).isEqualTo((int) referrals);
    }
  }
}
