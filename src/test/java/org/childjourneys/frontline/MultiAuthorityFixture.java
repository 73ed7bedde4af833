package org.childjourneys.frontline;

import org.childjourneys.TestNeo4j;

/**
 * Two local authorities in the shared test graph (docs/security.md, "Several authorities in one
 * graph"): A is the tests' own authority (E06000999, childjourneys.authority.la-code in the test
 * configuration), B is E06000998. Everything created here has an id or system starting TMA and is
 * removed afterwards.
 *
 * <p>Systems: TMA_A_SOCIAL_CARE (owned by A, recorded), TMA_A_EDUCATION (no DataSource: A's by
 * default, as the deployment's own), TMA_B_SOCIAL_CARE (owned by B). The fixture's sources record
 * no services, so other tests' coverage notes are unchanged.
 *
 * <p>Tamsin Moved (TMA-C1) lived in A, then moved to B. A: a contact 2023-01-10 (TMA-K1) that led
 * to a CIN episode 2023-01-11 to 2023-09-30 (TMA-I1, A's team) with a CP plan 2023-03-01 to
 * 2023-09-30 (TMA-I2), a missing episode 2023-02-01 (TMA-E1), a school enrolment from 2019-09-01,
 * still open (TMA-I5, A's education system), and a note dated 2023-06-01 by an A practitioner
 * (TMA-N1). B: a contact 2024-02-01 (TMA-K2) and a CIN episode from 2024-02-02, open (TMA-I3, with
 * the team of the frontline-b test user). Tobias Onlya (TMA-C2) is known only to A, Bella Onlyb
 * (TMA-C3) only to B.
 */
final class MultiAuthorityFixture {

  static final String A = "E06000999";
  static final String B = "E06000998";
  static final String B_TEAM = "TMA_B_SOCIAL_CARE:TEAM:ASSESSMENT";

  private MultiAuthorityFixture() {}

  static void create() {
    remove();
    try (var s = TestNeo4j.driver().session()) {
      s.run(
              """
              CREATE (:DataSource {system: 'TMA_A_SOCIAL_CARE', name: 'A social care (test)',
                                   services: [], authority: $a})
              CREATE (:DataSource {system: 'TMA_B_SOCIAL_CARE', name: 'B social care (test)',
                                   services: [], authority: $b})
              CREATE (ta:Team {id: 'TMA_A_SOCIAL_CARE:TEAM:CP', name: 'A child protection (test)',
                               service: 'SOCIAL_CARE'})
              CREATE (tb:Team {id: $bTeam, name: 'B assessment (test)', service: 'SOCIAL_CARE'})
              CREATE (c1:Child {id: 'TMA-C1', givenName: 'Tamsin', familyName: 'Moved',
                                birthDate: date('2014-06-01'), sex: 'F'})
              CREATE (ra:PersonRecord {id: 'TMA_A_SOCIAL_CARE:TMA-1', system: 'TMA_A_SOCIAL_CARE',
                                       localId: 'TMA-1', givenName: 'Tamsin', familyName: 'Moved',
                                       birthDate: date('2014-06-01')})-[:REFERS_TO]->(c1)
              CREATE (re:PersonRecord {id: 'TMA_A_EDUCATION:TMA-1', system: 'TMA_A_EDUCATION',
                                       localId: 'TMA-1', givenName: 'Tamsin', familyName: 'Moved'})
                       -[:REFERS_TO]->(c1)
              CREATE (rb:PersonRecord {id: 'TMA_B_SOCIAL_CARE:TMA-1', system: 'TMA_B_SOCIAL_CARE',
                                       localId: 'TMA-1', givenName: 'Tamsin', familyName: 'Moved',
                                       birthDate: date('2014-06-01')})-[:REFERS_TO]->(c1)
              CREATE (ka:Contact {id: 'TMA-K1', date: date('2023-01-10'), decision: 'REFERRAL',
                       service: 'SOCIAL_CARE', team: 'A MASH', sourceSystem: 'TMA_A_SOCIAL_CARE'})
              CREATE (ra)-[:SUBJECT_OF]->(ka)
              CREATE (cin:Involvement {id: 'TMA-I1', kind: 'CIN_EPISODE', service: 'SOCIAL_CARE',
                       start: date('2023-01-11'), end: date('2023-09-30'), closureReason: 'RC7',
                       sourceSystem: 'TMA_A_SOCIAL_CARE'})
              CREATE (ra)-[:HAD]->(cin), (ka)-[:LED_TO]->(cin), (cin)-[:WITH]->(ta)
              CREATE (cp:Involvement {id: 'TMA-I2', kind: 'CP_PLAN', service: 'SOCIAL_CARE',
                       start: date('2023-03-01'), end: date('2023-09-30'),
                       sourceSystem: 'TMA_A_SOCIAL_CARE'})
              CREATE (ra)-[:HAD]->(cp), (cp)-[:PART_OF]->(cin), (cp)-[:WITH]->(ta)
              CREATE (ra)-[:EXPERIENCED]->(:Event {id: 'TMA-E1', kind: 'MISSING_EPISODE',
                       service: 'SOCIAL_CARE', date: date('2023-02-01'), traumatic: true,
                       strength: false, sourceSystem: 'TMA_A_SOCIAL_CARE'})
              CREATE (re)-[:HAD]->(:Involvement {id: 'TMA-I5', kind: 'SCHOOL_ENROLMENT',
                       service: 'EDUCATION', start: date('2019-09-01'),
                       sourceSystem: 'TMA_A_EDUCATION'})
              CREATE (:Annotation {id: 'TMA-N1', childId: 'TMA-C1', kind: 'NOTE',
                       date: date('2023-06-01'), text: 'Seen at school (A)', by: 'frontline',
                       role: 'FRONTLINE', purpose: 'SAFEGUARDING',
                       at: datetime('2023-06-01T10:00:00Z'), authority: $a})
              CREATE (kb:Contact {id: 'TMA-K2', date: date('2024-02-01'), decision: 'REFERRAL',
                       service: 'SOCIAL_CARE', team: 'B MASH', sourceSystem: 'TMA_B_SOCIAL_CARE'})
              CREATE (rb)-[:SUBJECT_OF]->(kb)
              CREATE (cinb:Involvement {id: 'TMA-I3', kind: 'CIN_EPISODE', service: 'SOCIAL_CARE',
                       start: date('2024-02-02'), sourceSystem: 'TMA_B_SOCIAL_CARE'})
              CREATE (rb)-[:HAD]->(cinb), (kb)-[:LED_TO]->(cinb), (cinb)-[:WITH]->(tb)
              CREATE (m:Adult {id: 'TMA-A1', givenName: 'Mia', familyName: 'Moved',
                               birthDate: date('1990-01-01'), sourceSystem: 'TMA_A_SOCIAL_CARE'})
                       -[:PARENT_OF {relationship: 'MOTHER', parentalResponsibility: true,
                                     sourceSystem: 'TMA_A_SOCIAL_CARE'}]->(c1)
              CREATE (:PersonRecord {id: 'TMA_A_SOCIAL_CARE:TMA-A1', system: 'TMA_A_SOCIAL_CARE',
                                     localId: 'TMA-A1', givenName: 'Mia', familyName: 'Moved'})
                       -[:REFERS_TO]->(m)
              WITH c1
              MATCH (ma:PersonRecord {id: 'TMA_A_SOCIAL_CARE:TMA-A1'})
              CREATE (ma)-[:HAD]->(:Involvement {id: 'TMA-I7', kind: 'HOMELESSNESS_CASE',
                       service: 'HOUSING', start: date('2022-05-01'), sourceSystem: 'TMA_A_SOCIAL_CARE'})
              CREATE (c2:Child {id: 'TMA-C2', givenName: 'Tobias', familyName: 'Onlya',
                                birthDate: date('2016-02-02'), sex: 'M'})
              CREATE (ra2:PersonRecord {id: 'TMA_A_SOCIAL_CARE:TMA-2', system: 'TMA_A_SOCIAL_CARE',
                                        localId: 'TMA-2', givenName: 'Tobias', familyName: 'Onlya',
                                        birthDate: date('2016-02-02')})-[:REFERS_TO]->(c2)
              CREATE (ra2)-[:HAD]->(:Involvement {id: 'TMA-I6', kind: 'CIN_EPISODE',
                       service: 'SOCIAL_CARE', start: date('2024-01-05'),
                       sourceSystem: 'TMA_A_SOCIAL_CARE'})
              CREATE (c3:Child {id: 'TMA-C3', givenName: 'Bella', familyName: 'Onlyb',
                                birthDate: date('2017-03-03'), sex: 'F'})
              CREATE (:PersonRecord {id: 'TMA_B_SOCIAL_CARE:TMA-3', system: 'TMA_B_SOCIAL_CARE',
                                     localId: 'TMA-3', givenName: 'Bella', familyName: 'Onlyb',
                                     birthDate: date('2017-03-03')})-[:REFERS_TO]->(c3)
              """,
              java.util.Map.of("a", A, "b", B, "bTeam", B_TEAM))
          .consume();
    }
    // The full-text index is eventually consistent: wait until the new names are searchable.
    try (var s = TestNeo4j.driver().session()) {
      s.run("CALL db.awaitIndexes(60)").consume();
      for (int i = 0; i < 100; i++) {
        long found =
            s.run(
                    "CALL db.index.fulltext.queryNodes('person_names', 'onlya OR onlyb') YIELD node"
                        + " WHERE node.id STARTS WITH 'TMA' RETURN count(node) AS n")
                .single()
                .get("n")
                .asLong();
        if (found >= 4) {
          break;
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void remove() {
    try (var s = TestNeo4j.driver().session()) {
      s.run(
              """
              MATCH (n) WHERE n.id STARTS WITH 'TMA' OR n.system STARTS WITH 'TMA_'
                 OR ((n:Annotation OR n:Consent)
                     AND (n.childId STARTS WITH 'TMA-' OR n.personId STARTS WITH 'TMA-'))
              DETACH DELETE n
              """)
          .consume();
    }
  }
}
