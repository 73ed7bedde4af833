package org.childjourneys.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The review workflow through the real API: a pending pair shown side by side, accepted (a merge),
 * then unmerged back to exactly the graph it started from; refusals for the wrong purpose and for
 * restricted children.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkageWorkflowTest extends IntegrationTest {

  private static final String PEOPLE =
      """
      CREATE (a:Child {id: 'CJ-LT-A', givenName: 'Zed', familyName: 'Quill', birthDate: date('2014-05-06')})
      CREATE (b:Child {id: 'CJ-LT-B', givenName: 'Zed', familyName: 'Quill-Ross', birthDate: date('2014-05-06')})
      CREATE (s:Child {id: 'CJ-LT-S', givenName: 'Zed', familyName: 'Quill', birthDate: date('2014-05-06'), restricted: true})
      CREATE (ra:PersonRecord {id: 'LTA:1', system: 'LTA', localId: '1', personType: 'CHILD', givenName: 'Zed', familyName: 'Quill', birthDate: date('2014-05-06'), sex: 'M', postcode: 'XY1 1AB'})
      CREATE (rb:PersonRecord {id: 'LTB:2', system: 'LTB', localId: '2', personType: 'CHILD', givenName: 'Zed', familyName: 'Quill-Ross', birthDate: date('2014-05-06'), sex: 'M', postcode: 'XY1 2CD'})
      CREATE (rs:PersonRecord {id: 'LTS:3', system: 'LTS', localId: '3', personType: 'CHILD', restricted: true})
      CREATE (ra)-[:REFERS_TO {score: 1.0, method: 'NEW_PERSON', status: 'CONFIRMED', decidedBy: 'import', decidedAt: datetime('2026-01-02T03:04:05.678Z')}]->(a)
      CREATE (rb)-[:REFERS_TO {score: 1.0, method: 'NEW_PERSON', status: 'CONFIRMED', decidedBy: 'import', decidedAt: datetime('2026-02-03T04:05:06.789Z')}]->(b)
      CREATE (rs)-[:REFERS_TO {score: 1.0, method: 'NEW_PERSON', status: 'CONFIRMED'}]->(s)
      CREATE (rb)-[:HAD]->(i:Involvement {id: 'LTB:INV:1', kind: 'LAC_EPISODE', service: 'SOCIAL_CARE', start: date('2024-01-01'), childId: 'CJ-LT-B'})
      CREATE (i)-[:IN_PLACEMENT]->(:Placement {id: 'LTB:PL:1', start: date('2024-01-01'), childId: 'CJ-LT-B'})
      CREATE (rb)-[:EXPERIENCED]->(:Event {id: 'LTB:EV:1', kind: 'ARREST', date: date('2025-01-01'), childId: 'CJ-LT-B'})
      CREATE (:LinkReview {id: 'LR-LT-1', recordId: 'LTB:2', candidateId: 'CJ-LT-A', candidateRecordId: 'LTA:1',
              score: 0.93, method: 'PROBABILISTIC', reason: 'between the review and link thresholds',
              evidence: ['givenName:EXACT:+9.7', 'familyName:CHANGED_FORM:+4.3', 'birthDate:EXACT:+12.6', 'postcode:SECTOR:+1.6'],
              status: 'PENDING', createdAt: datetime('2026-03-01T00:00Z')})
      """;

  /** Everything about the people in this test, as (element, properties) in a stable order. */
  private static final String SUBGRAPH =
      """
      MATCH (c:Child) WHERE c.id STARTS WITH 'CJ-LT-'
      OPTIONAL MATCH (c)<-[l]-(r:PersonRecord)
      OPTIONAL MATCH (r)-[x]->(f) WHERE NOT f:Child
      OPTIONAL MATCH (f)-[y:IN_PLACEMENT]->(p)
      WITH c, r, l, f, x, p, y
      ORDER BY c.id, r.id, f.id
      RETURN collect(DISTINCT [c.id, properties(c)]) + collect(DISTINCT [r.id, type(l), properties(l), c.id])
           + collect(DISTINCT [f.id, type(x), properties(f)]) + collect(DISTINCT [p.id, type(y), properties(p)]) AS graph
      """;

  @BeforeAll
  void people() {
    cleanUp();
    TestNeo4j.driver().executableQuery(PEOPLE).execute();
  }

  @AfterAll
  void cleanUp() {
    TestNeo4j.driver()
        .executableQuery(
            """
            OPTIONAL MATCH (n) WHERE (n:Child AND n.id STARTS WITH 'CJ-LT-') OR (n:PersonRecord AND n.id STARTS WITH 'LT')
               OR (n:Involvement AND n.id STARTS WITH 'LTB:') OR (n:Event AND n.id STARTS WITH 'LTB:')
               OR (n:Placement AND n.id STARTS WITH 'LTB:') OR (n:LinkReview AND n.id STARTS WITH 'LR-LT-')
               OR (n:Merge AND n.keptId STARTS WITH 'CJ-LT-')
               OR (n:JourneySummary AND n.childId STARTS WITH 'CJ-LT-')
            DETACH DELETE n
            """)
        .execute();
  }

  @Test
  @SuppressWarnings("unchecked")
  void acceptMergesAndUnmergeRestoresTheExactGraph() {
    Object before = subgraph();

    var page =
        as("quality-assurance")
            .document(
                """
                { linkReviews(purpose: DATA_QUALITY, first: 20) { hasNextPage endCursor
                    nodes { id status score reason recordPersonId candidateId createdAt
                            record { id system givenName familyName birthDate sex postcode nhsNumber upn }
                            candidateRecord { id familyName postcode }
                            evidence { field level weight incoming existing } } } }
                """)
            .execute();
    @SuppressWarnings("rawtypes")
    List<Map> nodes = page.path("linkReviews.nodes").entityList(Map.class).get();
    Map<?, ?> review =
        nodes.stream().filter(n -> "LR-LT-1".equals(n.get("id"))).findFirst().orElseThrow();
    assertThat(review.get("recordPersonId")).isEqualTo("CJ-LT-B");
    assertThat(review.get("candidateId")).isEqualTo("CJ-LT-A");
    assertThat((List<Object>) review.get("evidence"))
        .contains(
            Map.of(
                "field",
                "familyName",
                "level",
                "CHANGED_FORM",
                "weight",
                4.3,
                "incoming",
                "Quill-Ross",
                "existing",
                "Quill"),
            Map.of(
                "field",
                "postcode",
                "level",
                "SECTOR",
                "weight",
                1.6,
                "incoming",
                "XY1 2CD",
                "existing",
                "XY1 1AB"));
    assertThat(
            count(
                "MATCH (e:AuditEntry {childId: 'CJ-LT-B', action: 'READ', purpose: 'DATA_QUALITY'}) RETURN count(e)"))
        .isGreaterThanOrEqualTo(1);

    String mergeId =
        as("quality-assurance")
            .document(
                """
                mutation { acceptLinkReview(purpose: DATA_QUALITY, id: "LR-LT-1", reason: "Same school and GP")
                  { id keptId absorbedId recordIds by at reason } }
                """)
            .execute()
            .path("acceptLinkReview.recordIds")
            .entityList(String.class)
            .containsExactly("LTB:2")
            .path("acceptLinkReview.keptId")
            .entity(String.class)
            .isEqualTo("CJ-LT-A")
            .path("acceptLinkReview.id")
            .entity(String.class)
            .get();
    assertThat(
            count(
                "MATCH (:PersonRecord {id: 'LTB:2'})-[:REFERS_TO {method: 'MANUAL'}]->(:Child {id: 'CJ-LT-A'}) RETURN count(*)"))
        .isEqualTo(1);
    assertThat(
            count(
                "MATCH (n) WHERE n.id IN ['LTB:INV:1', 'LTB:PL:1', 'LTB:EV:1'] AND n.childId = 'CJ-LT-A' RETURN count(n)"))
        .isEqualTo(3);
    assertThat(count("MATCH (c:Child {id: 'CJ-LT-B', mergedInto: 'CJ-LT-A'}) RETURN count(c)"))
        .isEqualTo(1);
    assertThat(count("MATCH (e:AuditEntry {childId: 'CJ-LT-B', action: 'MERGE'}) RETURN count(e)"))
        .isEqualTo(1);
    as("quality-assurance")
        .document(
            "{ merges(purpose: DATA_QUALITY, personId: \"CJ-LT-A\") { id absorbedId undoneBy undoneAt undoReason } }")
        .execute()
        .path("merges[0].absorbedId")
        .entity(String.class)
        .isEqualTo("CJ-LT-B");
    assertThat(subgraph()).isNotEqualTo(before);

    as("quality-assurance")
        .document(
            "mutation($id: ID!) { unmergePeople(purpose: DATA_QUALITY, mergeId: $id, reason: \"Different mothers\") { undoneBy undoReason } }")
        .variable("id", mergeId)
        .execute()
        .path("unmergePeople.undoneBy")
        .entity(String.class)
        .isEqualTo("quality-assurance");
    assertThat(subgraph()).isEqualTo(before);
    assertThat(count("MATCH (q:LinkReview {id: 'LR-LT-1', status: 'REJECTED'}) RETURN count(q)"))
        .isEqualTo(1);
    // undone once only
    as("quality-assurance")
        .document(
            "mutation($id: ID!) { unmergePeople(purpose: DATA_QUALITY, mergeId: $id, reason: \"again\") { id } }")
        .variable("id", mergeId)
        .execute()
        .errors()
        .expect(e -> e.getMessage().contains("already undone"))
        .verify();
  }

  @Test
  void restrictedChildrenAreNeverMergedAndOnlyDataQualityReviewersMayMerge() {
    as("quality-assurance")
        .document(
            "mutation { mergePeople(purpose: DATA_QUALITY, keepId: \"CJ-LT-A\", absorbId: \"CJ-LT-S\", reason: \"x\") { id } }")
        .execute()
        .errors()
        .expect(
            e ->
                e.getMessage().contains("adopted or restricted")
                    && "absorbId".equals(e.getExtensions().get("field")))
        .verify();
    as("front-door")
        .document(
            "mutation { mergePeople(purpose: DATA_QUALITY, keepId: \"CJ-LT-A\", absorbId: \"CJ-LT-B\", reason: \"x\") { id } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
    as("quality-assurance")
        .document(
            "{ linkReviews(purpose: AUDIT) { nodes { id decidedBy decidedAt decisionReason mergeId method } } }")
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
    assertThat(
            count(
                "MATCH (:PersonRecord {id: 'LTS:3'})-[:REFERS_TO]->(c:Child {id: 'CJ-LT-S'}) RETURN count(c)"))
        .isEqualTo(1);
  }

  @Test
  void aRejectedPairStaysApart() {
    TestNeo4j.driver()
        .executableQuery(
            "CREATE (:LinkReview {id: 'LR-LT-2', recordId: 'LTB:2', candidateId: 'CJ-LT-A', score: 0.6,"
                + " evidence: [], status: 'PENDING', createdAt: datetime('2026-03-02T00:00Z')})")
        .execute();
    as("quality-assurance")
        .document(
            "mutation { rejectLinkReview(purpose: DATA_QUALITY, id: \"LR-LT-2\", reason: \"Twins\") { status decidedBy decisionReason } }")
        .execute()
        .path("rejectLinkReview.status")
        .entity(String.class)
        .isEqualTo("REJECTED")
        .path("rejectLinkReview.decisionReason")
        .entity(String.class)
        .isEqualTo("Twins");
    assertThat(
            count(
                "MATCH (:PersonRecord {id: 'LTB:2'})-[:REFERS_TO]->(c:Child {id: 'CJ-LT-B'}) RETURN count(c)"))
        .isEqualTo(1);
  }

  private static Object subgraph() {
    return TestNeo4j.driver()
        .executableQuery(SUBGRAPH)
        .execute()
        .records()
        .get(0)
        .get(0)
        .asObject();
  }

  private static long count(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
  }
}
