package org.childjourneys.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

class ChildApiTest extends IntegrationTest {

  private static final String CHILD =
      """
      query($id: ID!) {
        child(id: $id, purpose: REFERRAL_TRIAGE) {
          id givenName familyName birthDate sex ethnicity
          records { id system localId linkMethod linkStatus linkScore identifiers { scheme value } }
          family { id relationship parentalResponsibility givenName }
          involvements { id kind service start end closureReason sourceSystem
                         team { id name email phone organisation }
                         professionals { name role email phone lead from to } }
          events(first: 5) { id kind service date traumatic strength needCodes sourceSystem }
        }
      }
      """;

  /** A child with a social care episode, chosen from the graph, not hard-coded. */
  private static Record childInSocialCare() {
    try (Session s = TestNeo4j.driver().session()) {
      return s.run(
              """
              MATCH (c:Child)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement {kind: 'CIN_EPISODE'})
              WITH c ORDER BY c.id LIMIT 1
              RETURN c.id AS id, c.givenName AS given, c.familyName AS surname,
                     toString(c.birthDate) AS dob,
                     COUNT { (c)<-[:REFERS_TO]-(:PersonRecord) } AS records,
                     COUNT { (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(:Involvement) } AS involvements,
                     COUNT { (c)<-[:REFERS_TO]-(:PersonRecord)-[:EXPERIENCED]->(:Event) } AS events,
                     COUNT { (c)<-[:PARENT_OF|CARER_OF]-(:Adult) } + COUNT { (c)-[:SIBLING_OF]-(:Child) } AS family
              """)
          .single();
    }
  }

  @Test
  void childShowsTheirRecordsFamilyInvolvementsAndEvents() {
    Record expected = childInSocialCare();
    var response = graphQl.document(CHILD).variable("id", expected.get("id").asString()).execute();
    response
        .path("child.givenName")
        .entity(String.class)
        .isEqualTo(expected.get("given").asString())
        .path("child.familyName")
        .entity(String.class)
        .isEqualTo(expected.get("surname").asString())
        .path("child.birthDate")
        .entity(String.class)
        .isEqualTo(expected.get("dob").asString())
        .path("child.records")
        .entityList(Object.class)
        .hasSize(expected.get("records").asInt())
        .path("child.family")
        .entityList(Object.class)
        .hasSize(expected.get("family").asInt())
        .path("child.involvements")
        .entityList(Object.class)
        .hasSize(expected.get("involvements").asInt())
        .path("child.events")
        .entityList(Object.class)
        .hasSize(Math.min(5, expected.get("events").asInt()));
    List<String> starts =
        response.path("child.involvements[*].start").entityList(String.class).get();
    assertThat(starts).isSortedAccordingTo((a, b) -> b.compareTo(a));
    List<String> systems = response.path("child.records[*].system").entityList(String.class).get();
    assertThat(systems).contains("SYN_SOCIAL_CARE").isSorted();
    response
        .path("child.records[0].linkMethod")
        .entity(String.class)
        .isEqualTo("SYNTHETIC_GROUND_TRUTH");
    List<Map> episodes =
        response.path("child.involvements[?(@.kind == 'CIN_EPISODE')]").entityList(Map.class).get();
    assertThat(episodes).isNotEmpty();
    assertThat(episodes.get(0).get("sourceSystem")).isEqualTo("SYN_SOCIAL_CARE");
    Map<?, ?> team = (Map<?, ?>) episodes.get(0).get("team");
    assertThat(team.get("phone")).isNotNull();
    assertThat((List<?>) episodes.get(0).get("professionals")).isNotEmpty();
  }

  @Test
  void unknownChildIsNull() {
    graphQl.document(CHILD).variable("id", "C99999999").execute().path("child").valueIsNull();
  }

  @Test
  void outOfRangePageSizeIsABadRequestNamingTheArgument() {
    Record expected = childInSocialCare();
    graphQl
        .document(
            "query($id: ID!) { child(id: $id, purpose: SAFEGUARDING) { events(first: 0) { id } } }")
        .variable("id", expected.get("id").asString())
        .execute()
        .errors()
        .satisfy(
            errors -> {
              assertThat(errors).hasSize(1);
              assertThat(errors.get(0).getMessage())
                  .isEqualTo("first must be from 1 to 100, was 0");
              assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
              assertThat(errors.get(0).getExtensions()).containsEntry("argument", "first");
            });
  }
}
