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
          chronology(first: 100) { totalCount edges { node { id date category service } } }
          inTouch { now { id kind service team { id name email phone organisation }
                          professionals { name role email phone lead from to } } }
        }
      }
      """;

  /** A child with a social care episode, chosen from the graph, not hard-coded. */
  private static Record childInSocialCare() {
    try (Session s = TestNeo4j.driver().session()) {
      return s.run(
              """
              MATCH (d:Dataset {id: 'main'})
              MATCH (c:Child)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement {kind: 'CIN_EPISODE'})
              WHERE i.start <= d.referenceDate AND (i.end IS NULL OR i.end > d.referenceDate)
              WITH c, d ORDER BY c.id LIMIT 1
              RETURN c.id AS id, c.givenName AS given, c.familyName AS surname,
                     toString(c.birthDate) AS dob,
                     COUNT { (c)<-[:REFERS_TO]-(:PersonRecord) } AS records,
                     COUNT { MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD|EXPERIENCED]->(f) RETURN DISTINCT f }
                       + COUNT { MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:SUBJECT_OF]->(k) RETURN DISTINCT k } AS items,
                     COUNT { MATCH (c)<-[:REFERS_TO]-(:PersonRecord)-[:HAD]->(i:Involvement)
                             WHERE i.start <= d.referenceDate AND (i.end IS NULL OR i.end > d.referenceDate)
                             RETURN DISTINCT i } AS openNow,
                     COUNT { (c)<-[:PARENT_OF|CARER_OF]-(:Adult) } + COUNT { (c)-[:SIBLING_OF]-(:Child) } AS family
              """)
          .single();
    }
  }

  @Test
  void childShowsTheirRecordsChronologyAndWhoIsInTouch() {
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
        .path("child.chronology.totalCount")
        .entity(Integer.class)
        .isEqualTo(expected.get("items").asInt())
        .path("child.inTouch.now")
        .entityList(Object.class)
        .hasSize(expected.get("openNow").asInt());
    assertThat(response.path("child.family").entityList(Object.class).get().size())
        .isGreaterThanOrEqualTo(expected.get("family").asInt());
    List<String> dates =
        response.path("child.chronology.edges[*].node.date").entityList(String.class).get();
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    List<String> systems = response.path("child.records[*].system").entityList(String.class).get();
    assertThat(systems).contains("SYN_SOCIAL_CARE").isSorted();
    response
        .path("child.records[0].linkMethod")
        .entity(String.class)
        .isEqualTo("SYNTHETIC_GROUND_TRUTH");
    List<Map> episodes =
        response.path("child.inTouch.now[?(@.kind == 'CIN_EPISODE')]").entityList(Map.class).get();
    assertThat(episodes).isNotEmpty();
    Map<?, ?> team = (Map<?, ?>) episodes.get(0).get("team");
    assertThat(team.get("phone")).isNotNull();
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
            "query($id: ID!) { child(id: $id, purpose: SAFEGUARDING) { chronology(first: 0) { totalCount } } }")
        .variable("id", expected.get("id").asString())
        .execute()
        .errors()
        .satisfy(
            errors -> {
              assertThat(errors).hasSize(1);
              assertThat(errors.get(0).getMessage()).isEqualTo("first: from 1 to 100, was 0");
              assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
              assertThat(errors.get(0).getExtensions()).containsEntry("field", "first");
            });
  }
}
