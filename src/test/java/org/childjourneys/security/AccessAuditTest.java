package org.childjourneys.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every read of a child's record states a purpose, is allowed by role and purpose, is audited. */
class AccessAuditTest extends IntegrationTest {

  static final String CHILD =
      "query($id: ID!, $purpose: Purpose!) { child(id: $id, purpose: $purpose) { id givenName } }";

  @Autowired AuditTrail trail;

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  record Download(int status, String body) {}

  Download get(String user, String path) {
    return org.springframework.web.client.RestClient.create("http://localhost:" + port)
        .get()
        .uri(path)
        .header("Authorization", org.childjourneys.TestUsers.basic(user))
        .exchange(
            (req, res) ->
                new Download(
                    res.getStatusCode().value(),
                    new String(
                        res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void theTrailExportsAsCsvForAuditorsAndTheExportIsItselfAudited() {
    String id = someChild();
    as("frontline")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "SECTION_47")
        .execute()
        .path("child.id")
        .hasValue();

    Download csv = get("quality-assurance", "/api/audit.csv?childId=" + id);
    assertThat(csv.status()).isEqualTo(200);
    java.util.List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "seq,at,actor,role,team,purpose,action,child_id,what,allowed,found,prev_hash,hash");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains("," + id + ","));
    assertThat(lines.get(lines.size() - 1))
        .contains(",quality-assurance,QUALITY_ASSURANCE,")
        .contains(",AUDIT,EXPORT," + id + ",audit trail,");
    assertThat(lines)
        .anyMatch(l -> l.contains(",frontline,FRONTLINE,") && l.contains(",SECTION_47,READ,"));

    assertThat(get("analyst", "/api/audit.csv").status()).isEqualTo(403);
    Download bad = get("admin", "/api/audit.csv?from=31/03/2026");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("from must be a date as yyyy-mm-dd; was 31/03/2026");
  }

  static String someChild() {
    try (var s = TestNeo4j.driver().session()) {
      return s.run("MATCH (c:Child) RETURN c.id AS id ORDER BY id LIMIT 1")
          .single()
          .get("id")
          .asString();
    }
  }

  @Test
  void aReadForAnAllowedPurposeIsAnsweredAndAudited() {
    String id = someChild();
    as("front-door")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "REFERRAL_TRIAGE")
        .execute()
        .path("child.id")
        .entity(String.class)
        .isEqualTo(id);

    AuditEntry last = trail.byChild(id, 1).get(0);
    assertThat(last.actor()).isEqualTo("front-door");
    assertThat(last.role()).isEqualTo("FRONT_DOOR");
    assertThat(last.purpose()).isEqualTo("REFERRAL_TRIAGE");
    assertThat(last.action()).isEqualTo("READ");
    assertThat(last.allowed()).isTrue();
    assertThat(last.found()).isTrue();
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void theEntryNamesTheFieldsAskedForThroughFragmentsAndLeavesOutSkippedOnes() {
    String id = someChild();
    as("front-door")
        .document(
            """
            query($id: ID!, $withFamily: Boolean!) {
              child(id: $id, purpose: REFERRAL_TRIAGE) {
                id ...names ... on Child { summary { openInvolvements } }
                family @include(if: $withFamily) { relationship }
                inTouch @skip(if: true) { now { kind } }
                __typename
              }
            }
            fragment names on Child { givenName familyName }
            """)
        .variable("id", id)
        .variable("withFamily", false)
        .execute()
        .path("child.id")
        .entity(String.class)
        .isEqualTo(id);

    assertThat(trail.byChild(id, 1).get(0).what())
        .isEqualTo("child record: familyName,givenName,id,summary");
  }

  @Test
  void aRefusedReadLooksExactlyLikeAMissingChildAndIsAuditedAsRefused() {
    String id = someChild();
    String refused =
        as("analyst")
            .document(CHILD)
            .variable("id", id)
            .variable("purpose", "ANALYSIS")
            .execute()
            .returnResponse()
            .toMap()
            .toString();
    String missing =
        as("analyst")
            .document(CHILD)
            .variable("id", "C99999999")
            .variable("purpose", "ANALYSIS")
            .execute()
            .returnResponse()
            .toMap()
            .toString();
    assertThat(refused).isEqualTo(missing).isEqualTo("{data={child=null}}");

    AuditEntry last = trail.byChild(id, 1).get(0);
    assertThat(last.actor()).isEqualTo("analyst");
    assertThat(last.allowed()).isFalse();
    assertThat(last.found()).isFalse();
    // A frontline worker may not use the front door's triage purpose either.
    as("frontline")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "REFERRAL_TRIAGE")
        .execute()
        .path("child")
        .valueIsNull();
  }

  @Test
  void aMissingOrUnknownPurposeIsAClearError() {
    String id = someChild();
    long before = trail.byChild(id, 1000).size();
    as("front-door")
        .document("query($id: ID!) { child(id: $id) { id } }")
        .variable("id", id)
        .execute()
        .errors()
        .expect(e -> e.getMessage().contains("purpose"))
        .verify();
    as("front-door")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "CURIOSITY")
        .execute()
        .errors()
        .expect(e -> e.getMessage().contains("CURIOSITY") && e.getMessage().contains("Purpose"))
        .verify();
    assertThat(trail.byChild(id, 1000)).hasSize((int) before);
  }

  @Test
  void auditorsAskWhoAccessedAChildAndOthersMayNot() {
    String id = someChild();
    as("manager")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "SAFEGUARDING")
        .execute()
        .path("child.id")
        .entity(String.class)
        .isEqualTo(id);

    as("quality-assurance")
        .document(
            "query($id: ID!) { accessLog(childId: $id, last: 1) { actor role purpose allowed } }")
        .variable("id", id)
        .execute()
        .path("accessLog[0]")
        .entity(Map.class)
        .isEqualTo(
            Map.of(
                "actor", "manager", "role", "MANAGER", "purpose", "SAFEGUARDING", "allowed", true));
    as("admin")
        .document("{ accessLog(user: \"manager\", last: 5) { childId } auditChainIntact }")
        .execute()
        .path("accessLog[0].childId")
        .entity(String.class)
        .isEqualTo(id)
        .path("auditChainIntact")
        .entity(Boolean.class)
        .isEqualTo(true);
    as("frontline")
        .document("query($id: ID!) { accessLog(childId: $id) { actor } }")
        .variable("id", id)
        .execute()
        .errors()
        .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getErrorType())))
        .verify();
  }

  @Test
  void editingAnEntryBreaksTheChainFromThatEntry() {
    String id = someChild();
    as("front-door")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "SAFEGUARDING")
        .execute()
        .path("child.id")
        .hasValue();
    AuditEntry last = trail.byChild(id, 1).get(0);
    try (var s = TestNeo4j.driver().session()) {
      s.run("MATCH (a:AuditEntry {seq: $seq}) SET a.purpose = 'AUDIT'", Map.of("seq", last.seq()))
          .consume();
      AuditTrail.Verification broken = trail.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.firstBrokenSeq()).isEqualTo(last.seq());
    } finally {
      try (var s = TestNeo4j.driver().session()) {
        s.run(
                "MATCH (a:AuditEntry {seq: $seq}) SET a.purpose = $purpose",
                Map.of("seq", last.seq(), "purpose", last.purpose()))
            .consume();
      }
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void aChainRewrittenConsistentlyStillDisagreesWithTheHeadsPublishedOutsideTheDatabase() {
    String id = someChild();
    as("front-door")
        .document(CHILD)
        .variable("id", id)
        .variable("purpose", "SAFEGUARDING")
        .execute()
        .path("child.id")
        .hasValue();
    AuditEntry last = trail.byChild(id, 1).get(0);
    // An administrator with Bolt access edits the last entry and recomputes its hash and the
    // chain head, so the chain inside the database is consistent again.
    AuditEntry forged =
        new AuditEntry(
            last.seq(),
            last.at(),
            last.actor(),
            last.role(),
            last.team(),
            "AUDIT",
            last.action(),
            last.childId(),
            last.what(),
            last.allowed(),
            last.found(),
            last.prevHash(),
            null);
    String forgedHash = AuditTrail.hash(forged);
    try (var s = TestNeo4j.driver().session()) {
      s.run(
              """
              MATCH (a:AuditEntry {seq: $seq}) SET a.purpose = 'AUDIT', a.hash = $hash
              WITH a MATCH (c:AuditChain {id: 'main'}) WHERE c.seq = $seq SET c.head = $hash
              """,
              Map.of("seq", last.seq(), "hash", forgedHash))
          .consume();
      AuditTrail.Verification broken = trail.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.firstBrokenSeq()).isEqualTo(last.seq());
    } finally {
      try (var s = TestNeo4j.driver().session()) {
        s.run(
                """
                MATCH (a:AuditEntry {seq: $seq}) SET a.purpose = $purpose, a.hash = $hash
                WITH a MATCH (c:AuditChain {id: 'main'}) WHERE c.seq = $seq SET c.head = $hash
                """,
                Map.of("seq", last.seq(), "purpose", last.purpose(), "hash", last.hash()))
            .consume();
      }
    }
    assertThat(trail.verify().intact()).isTrue();
  }
}
