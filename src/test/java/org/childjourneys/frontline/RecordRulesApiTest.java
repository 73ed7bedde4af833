package org.childjourneys.frontline;

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
 * Record-level rules, sharing rules with consent, and practitioners' annotations, per persona over
 * HTTP, on the hand-built family. The frontline user's team worked with TFL-C1, not TFL-C3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordRulesApiTest extends IntegrationTest {

  private static final String IDS =
      """
      query($id: ID!, $purpose: Purpose!) { child(id: $id, purpose: $purpose) {
        id records { system } family { id }
        chronology(first: 100) { edges { node { id professionals { name } } }
                                 withheld { service access reason } }
        inTouch(asOf: "2024-08-01") { coverage { service inTouchNow note } } } }
      """;

  @BeforeAll
  void family() {
    FrontlineFixture.create();
  }

  @org.junit.jupiter.api.BeforeEach
  void noAnnotationsOrConsents() {
    try (var s = TestNeo4j.driver().session()) {
      s.run(
              "MATCH (n:Annotation|Consent) WHERE n.childId = 'TFL-C1' OR n.personId = 'TFL-C1'"
                  + " DETACH DELETE n")
          .consume();
    }
  }

  @AfterAll
  void cleanUp() {
    FrontlineFixture.remove();
  }

  private List<String> chronology(String user, String id, String purpose) {
    return as(user)
        .document(IDS)
        .variable("id", id)
        .variable("purpose", purpose)
        .execute()
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .get();
  }

  private void isHidden(String user, String id, String purpose) {
    as(user)
        .document(IDS)
        .variable("id", id)
        .variable("purpose", purpose)
        .execute()
        .errors()
        .verify()
        .path("child")
        .valueIsNull();
  }

  @Test
  void openCaseOpensOnlyChildrenTheReadersTeamWorksWith() {
    // early help needs consent for an open case outside safeguarding: the other 7 are shown
    assertThat(chronology("frontline", "TFL-C1", "OPEN_CASE"))
        .containsExactly("TFL-E2", "TFL-K2", "TFL-I4", "TFL-I1", "TFL-K1", "TFL-E1", "TFL-E0");
    isHidden("frontline", "TFL-C3", "OPEN_CASE");
    isHidden("frontline", "NO-SUCH-CHILD", "OPEN_CASE"); // identical to a refusal
    // a safeguarding purpose opens any child
    as("frontline")
        .document(IDS)
        .variable("id", "TFL-C3")
        .variable("purpose", "SAFEGUARDING")
        .execute()
        .path("child.id")
        .entity(String.class)
        .isEqualTo("TFL-C3");
  }

  @Test
  void restrictedRecordsAreHiddenFromEveryoneOutsideTheTeam() {
    isHidden("front-door", "TFL-C4", "SAFEGUARDING");
    isHidden("quality-assurance", "TFL-C4", "AUDIT");
    isHidden("frontline", "TFL-C4", "SAFEGUARDING");
  }

  @Test
  void practiceLearningShowsOutcomesOnly() {
    var response =
        as("frontline")
            .document(IDS)
            .variable("id", "TFL-C1")
            .variable("purpose", "PRACTICE_LEARNING")
            .execute();
    response
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly("TFL-I2", "TFL-I4", "TFL-I1", "TFL-I3")
        .path("child.chronology.edges[*].node.professionals[*]")
        .entityList(Object.class)
        .hasSize(0)
        .path("child.family")
        .entityList(Object.class)
        .hasSize(0)
        .path("child.records")
        .entityList(Object.class)
        .hasSize(0);
    isHidden("frontline", "TFL-C3", "PRACTICE_LEARNING"); // never worked with
    isHidden("front-door", "TFL-C1", "PRACTICE_LEARNING"); // not the front door's purpose
  }

  @Test
  void earlyHelpNeedsConsentOutsideSafeguardingAndWithdrawalTakesEffectAtOnce() {
    var before =
        as("frontline")
            .document(IDS)
            .variable("id", "TFL-C1")
            .variable("purpose", "EARLY_HELP_ASSESSMENT")
            .execute();
    before
        .path("child.chronology.edges[*].node.id")
        .entityList(String.class)
        .containsExactly("TFL-E2", "TFL-K2", "TFL-I4", "TFL-I1", "TFL-K1", "TFL-E0");
    before
        .path("child.chronology.withheld[*].service")
        .entityList(String.class)
        .containsExactly("EARLY_HELP", "POLICE", "HEALTH");
    before
        .path("child.chronology.withheld[0].access")
        .entity(String.class)
        .isEqualTo("CONSENT_NOT_GIVEN");
    List<Map> coverage = before.path("child.inTouch.coverage").entityList(Map.class).get();
    Map<?, ?> earlyHelp =
        coverage.stream().filter(c -> "EARLY_HELP".equals(c.get("service"))).findFirst().get();
    assertThat(earlyHelp.get("inTouchNow")).isNull(); // not "not involved": not shown
    assertThat((String) earlyHelp.get("note")).startsWith("Not shown for this purpose: ");

    consent(true);
    assertThat(chronology("frontline", "TFL-C1", "EARLY_HELP_ASSESSMENT"))
        .containsExactly(
            "TFL-E2", "TFL-I2", "TFL-K2", "TFL-I4", "TFL-I1", "TFL-K1", "TFL-E0", "TFL-I3");
    consent(false);
    assertThat(chronology("frontline", "TFL-C1", "EARLY_HELP_ASSESSMENT"))
        .doesNotContain("TFL-I2", "TFL-I3");
    // safeguarding does not rest on consent
    assertThat(chronology("frontline", "TFL-C1", "SAFEGUARDING")).contains("TFL-I2", "TFL-E1");
  }

  private void consent(boolean given) {
    as("frontline")
        .document(
            """
            mutation($given: Boolean!) { recordConsent(purpose: EARLY_HELP_ASSESSMENT,
                childId: "TFL-C1", service: "EARLY_HELP", given: $given, note: "Spoke to mother") {
              personId service scope given recordedBy note } }
            """)
        .variable("given", given)
        .execute()
        .path("recordConsent")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "personId", "TFL-C1",
                "service", "EARLY_HELP",
                "scope", "INFORMATION_SHARING",
                "given", given,
                "recordedBy", "frontline",
                "note", "Spoke to mother"));
  }

  @Test
  void practitionersAnnotateTheChronologyAttributedAndAudited() {
    as("frontline")
        .document(
            """
            mutation { flagChronologyItem(purpose: OPEN_CASE, childId: "TFL-C1", itemId: "TFL-E0",
                         flag: TRAUMATIC, reason: "Moved to a refuge") { kind itemId flag text by role } }
            """)
        .execute()
        .path("flagChronologyItem")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "kind", "FLAG",
                "itemId", "TFL-E0",
                "flag", "TRAUMATIC",
                "text", "Moved to a refuge",
                "by", "frontline",
                "role", "FRONTLINE"));
    String noteId =
        as("frontline")
            .document(
                """
                mutation { addChronologyNote(purpose: OPEN_CASE, childId: "TFL-C1", date: "2024-03-05",
                             text: "Home visit: Olivia said school is going well.") { id date } }
                """)
            .execute()
            .path("addChronologyNote.id")
            .entity(String.class)
            .get();
    var enhanced =
        graphQl
            .document(
                """
                { child(id: "TFL-C1", purpose: SAFEGUARDING) {
                    enhanced: chronology(enhanced: true) { edges { node { id flags { flag source by reason } } } }
                    notes: chronology(filter: {categories: [NOTE]}) { edges { node { id date text recordedBy service } } } } }
                """)
            .execute();
    enhanced
        .path("child.enhanced.edges[*].node.id")
        .entityList(String.class)
        .containsExactly("TFL-E2", "TFL-I4", "TFL-E1", "TFL-E0");
    enhanced
        .path("child.enhanced.edges[3].node.flags[0]")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "flag", "TRAUMATIC",
                "source", "PRACTITIONER",
                "by", "frontline",
                "reason", "Moved to a refuge"));
    enhanced
        .path("child.notes.edges[0].node")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "id", noteId,
                "date", "2024-03-05",
                "text", "Home visit: Olivia said school is going well.",
                "recordedBy", "frontline",
                "service", "PRACTITIONER_NOTE"));
    long annotateEntries =
        TestNeo4j.driver()
            .executableQuery(
                "MATCH (a:AuditEntry {childId: 'TFL-C1', action: 'ANNOTATE', actor: 'frontline'})"
                    + " RETURN count(a) AS n")
            .execute()
            .records()
            .get(0)
            .get("n")
            .asLong();
    assertThat(annotateEntries).isGreaterThanOrEqualTo(2);
  }

  @Test
  void confirmedContactDetailsShowInWhoIsInTouch() {
    as("frontline")
        .document(
            """
            mutation { confirmProfessionalContact(purpose: OPEN_CASE, childId: "TFL-C1",
                         professionalId: "TFL-P1", email: "pat.first@council.example.org") { kind email } }
            """)
        .execute()
        .path("confirmProfessionalContact.email")
        .entity(String.class)
        .isEqualTo("pat.first@council.example.org");
    graphQl
        .document(
            """
            { child(id: "TFL-C1", purpose: SAFEGUARDING) { inTouch(asOf: "2024-02-15") {
                now { professionals { id confirmed { email by } } } } } }
            """)
        .execute()
        .path("child.inTouch.now[1].professionals[0].confirmed")
        .entity(Map.class)
        .isEqualTo(Map.of("email", "pat.first@council.example.org", "by", "frontline"));
  }

  @Test
  void invalidAnnotationsAreRefusedNamingTheField() {
    annotationError(
        "mutation { flagChronologyItem(purpose: OPEN_CASE, childId: \"TFL-C1\", itemId: \"TFL-I5\", flag: STRENGTH) { id } }",
        "itemId",
        "itemId: 'TFL-I5' is not a contact, involvement or event of this child");
    annotationError(
        "mutation { addChronologyNote(purpose: OPEN_CASE, childId: \"TFL-C1\", date: \"2024-01-01\", text: \"  \") { id } }",
        "text",
        "text: must not be empty");
    annotationError(
        "mutation { addChronologyNote(purpose: OPEN_CASE, childId: \"TFL-C1\", date: \"2999-01-01\", text: \"x\") { id } }",
        "date",
        "date: in the future (2999-01-01)");
    annotationError(
        "mutation { confirmProfessionalContact(purpose: OPEN_CASE, childId: \"TFL-C1\", professionalId: \"TFL-P1\", email: \"not-an-email\") { id } }",
        "email",
        "email: 'not-an-email' is not an email address");
    annotationError(
        "mutation { addChronologyNote(purpose: OPEN_CASE, childId: \"TFL-C3\", date: \"2024-01-01\", text: \"x\") { id } }",
        "childId",
        "childId: no child 'TFL-C3' to annotate");
  }

  private void annotationError(String mutation, String field, String message) {
    as("frontline")
        .document(mutation)
        .execute()
        .errors()
        .satisfy(
            errors -> {
              assertThat(errors).hasSize(1);
              assertThat(errors.get(0).getExtensions()).containsEntry("field", field);
              assertThat(errors.get(0).getMessage()).isEqualTo(message);
            });
  }

  private static final String SAMPLE =
      """
      query($teamId: ID, $seed: Int) { auditSample(purpose: AUDIT, kind: "CIN_EPISODE",
          openOn: "2024-02-15", teamId: $teamId, size: 50, seed: $seed) {
        cohortSize children { id } } }
      """;

  @Test
  void qualityAssuranceSamplesIdentifiableCasesFromACohortRepeatably() {
    long cohort =
        TestNeo4j.driver()
            .executableQuery(
                """
                MATCH (i:Involvement {kind: 'CIN_EPISODE'})
                WHERE i.start <= date('2024-02-15') AND (i.end IS NULL OR i.end > date('2024-02-15'))
                MATCH (i)<-[:HAD]-(:PersonRecord)-[:REFERS_TO]->(c:Child)
                RETURN count(DISTINCT c) AS n
                """)
            .execute()
            .records()
            .get(0)
            .get("n")
            .asLong();
    var first = as("quality-assurance").document(SAMPLE).variable("seed", 7).execute();
    first.path("auditSample.cohortSize").entity(Long.class).isEqualTo(cohort);
    List<String> sample = first.path("auditSample.children[*].id").entityList(String.class).get();
    assertThat(sample).hasSize((int) Math.min(50, cohort)).doesNotHaveDuplicates();
    as("quality-assurance")
        .document(SAMPLE)
        .variable("seed", 7)
        .execute()
        .path("auditSample.children[*].id")
        .entityList(String.class)
        .containsExactly(sample.toArray(String[]::new));
    as("quality-assurance")
        .document(SAMPLE)
        .variable("teamId", FrontlineFixture.TEAM)
        .execute()
        .path("auditSample.cohortSize")
        .entity(Integer.class)
        .isEqualTo(1)
        .path("auditSample.children[*].id")
        .entityList(String.class)
        .containsExactly("TFL-C1");
    as("quality-assurance")
        .document("{ accessLog(childId: \"TFL-C1\", last: 1) { actor purpose what } }")
        .execute()
        .path("accessLog[0]")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "actor", "quality-assurance",
                "purpose", "AUDIT",
                "what", "audit sample of CIN_EPISODE open on 2024-02-15"));
    graphQl
        .document(SAMPLE)
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }
}
