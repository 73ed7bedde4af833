package org.childjourneys.frontline;

import org.childjourneys.TestNeo4j;

/**
 * A hand-built family in the shared test graph, so the frontline tests can assert exact orders,
 * sets and notes. Everything it creates has an id starting TFL- and is removed after the tests.
 *
 * <p>Olivia Harrington (TFL-C1, born 2015-03-04): an early help assessment 2023-05-01 to
 * 2023-08-01; a police domestic incident and a house move on 2023-12-20; a contact on 2024-01-10
 * that led to a CIN episode 2024-01-11 to 2024-06-30 with the frontline test user's team (created
 * here when the graph has no team of that id; worker TFL-P1 lead until 2024-03-01, then TFL-P2), a
 * CP plan (neglect) 2024-02-01 to 2024-05-01; a contact on 2024-05-01 with no further action; an
 * early help plan from 2024-07-05 (open, TFL-P3 lead); an achievement on 2024-09-01. Mother TFL-A1
 * (parental responsibility), sister TFL-C2 with an open CIN episode. Olivia Harrison (TFL-C3, same
 * birth date, no team involvement) and a restricted Olivia Harrington (TFL-C4, refuge) complete the
 * search cases.
 */
final class FrontlineFixture {

  static final String TEAM = "SYN_SOCIAL_CARE:TEAM:ASSESSMENT_1";

  private FrontlineFixture() {}

  static void create() {
    remove();
    try (var s = TestNeo4j.driver().session()) {
      s.run(
              """
              MERGE (team:Team {id: $team})
                ON CREATE SET team.name = 'Assessment team (test)', team.service = 'SOCIAL_CARE',
                              team.email = 'assessment.test@example.org', team.phone = '01632 960000'
              CREATE (c1:Child {id: 'TFL-C1', givenName: 'Olivia', familyName: 'Harrington',
                                birthDate: date('2015-03-04'), sex: 'F'})
              CREATE (r1:PersonRecord {id: 'SYN_SOCIAL_CARE:TFL-1', system: 'SYN_SOCIAL_CARE',
                                       localId: 'TFL-1', givenName: 'Olivia', familyName: 'Harrington',
                                       birthDate: date('2015-03-04'), postcode: 'ZZ9 9ZZ'})-[:REFERS_TO]->(c1)
              CREATE (r2:PersonRecord {id: 'SYN_POLICE:TFL-1', system: 'SYN_POLICE', localId: 'TFL-1',
                                       givenName: 'Livvy', familyName: 'Harrington'})-[:REFERS_TO]->(c1)
              CREATE (r3:PersonRecord {id: 'SYN_EARLY_HELP:TFL-1', system: 'SYN_EARLY_HELP',
                                       localId: 'TFL-1', givenName: 'Olivia', familyName: 'Harrington'})-[:REFERS_TO]->(c1)
              CREATE (r4:PersonRecord {id: 'SYN_HOUSING:TFL-1', system: 'SYN_HOUSING',
                                       localId: 'TFL-1', givenName: 'Olivia', familyName: 'Harrington'})-[:REFERS_TO]->(c1)
              CREATE (r5:PersonRecord {id: 'SYN_EDUCATION:TFL-1', system: 'SYN_EDUCATION',
                                       localId: 'TFL-1', givenName: 'Olivia', familyName: 'Harrington'})-[:REFERS_TO]->(c1)
              CREATE (r1)-[:HAS_IDENTIFIER]->(:Identifier {key: 'LA_CHILD_ID@TFL:TFL-0001',
                                                          scheme: 'LA_CHILD_ID@TFL', value: 'TFL-0001'})
              CREATE (eh1:Involvement {id: 'TFL-I3', kind: 'EARLY_HELP_ASSESSMENT', service: 'EARLY_HELP',
                       start: date('2023-05-01'), end: date('2023-08-01'), closureReason: 'NEEDS_MET',
                       sourceSystem: 'SYN_EARLY_HELP'})
              CREATE (r3)-[:HAD]->(eh1)
              CREATE (r2)-[:EXPERIENCED]->(:Event {id: 'TFL-E1', kind: 'DOMESTIC_INCIDENT', service: 'POLICE',
                       date: date('2023-12-20'), traumatic: true, strength: false, needCodes: ['3A'],
                       sourceSystem: 'SYN_POLICE'})
              CREATE (r4)-[:EXPERIENCED]->(:Event {id: 'TFL-E0', kind: 'HOUSE_MOVE', service: 'HOUSING',
                       date: date('2023-12-20'), traumatic: false, strength: false, sourceSystem: 'SYN_HOUSING'})
              CREATE (k1:Contact {id: 'TFL-K1', date: date('2024-01-10'), decision: 'REFERRAL',
                       service: 'SOCIAL_CARE', source: '1B', team: 'MASH', sourceSystem: 'SYN_SOCIAL_CARE'})
              CREATE (r1)-[:SUBJECT_OF]->(k1)
              CREATE (cin:Involvement {id: 'TFL-I1', kind: 'CIN_EPISODE', service: 'SOCIAL_CARE',
                       start: date('2024-01-11'), end: date('2024-06-30'), closureReason: 'RC4',
                       sourceSystem: 'SYN_SOCIAL_CARE'})
              CREATE (r1)-[:HAD]->(cin), (k1)-[:LED_TO]->(cin), (cin)-[:WITH]->(team)
              CREATE (cp:Involvement {id: 'TFL-I4', kind: 'CP_PLAN', service: 'SOCIAL_CARE',
                       start: date('2024-02-01'), end: date('2024-05-01'), initialCategory: 'NEG',
                       sourceSystem: 'SYN_SOCIAL_CARE'})
              CREATE (r1)-[:HAD]->(cp), (cp)-[:PART_OF]->(cin), (cp)-[:WITH]->(team)
              CREATE (p1:Professional {id: 'TFL-P1', name: 'Pat First', email: 'pat.first@example.org',
                                       phone: '01632 960001'})-[:ALLOCATED {role: 'SOCIAL_WORKER', lead: true,
                       from: date('2024-01-11'), to: date('2024-03-01')}]->(cin)
              CREATE (p1)-[:MEMBER_OF {from: date('2020-01-01')}]->(team)
              CREATE (p2:Professional {id: 'TFL-P2', name: 'Sam Second', email: 'sam.second@example.org'})
                       -[:ALLOCATED {role: 'SOCIAL_WORKER', lead: true, from: date('2024-03-01')}]->(cin)
              CREATE (p2)-[:ALLOCATED {role: 'SOCIAL_WORKER', lead: true, from: date('2024-02-01')}]->(cp)
              CREATE (k2:Contact {id: 'TFL-K2', date: date('2024-05-01'), decision: 'NO_FURTHER_ACTION',
                       service: 'SOCIAL_CARE', team: 'MASH', sourceSystem: 'SYN_SOCIAL_CARE'})
              CREATE (r1)-[:SUBJECT_OF]->(k2)
              CREATE (ehp:Involvement {id: 'TFL-I2', kind: 'EARLY_HELP_PLAN', service: 'EARLY_HELP',
                       start: date('2024-07-05'), sourceSystem: 'SYN_EARLY_HELP'})
              CREATE (r3)-[:HAD]->(ehp)
              CREATE (:Professional {id: 'TFL-P3', name: 'Lee Third', phone: '01632 960003'})
                       -[:ALLOCATED {role: 'FAMILY_SUPPORT_WORKER', lead: true, from: date('2024-07-05')}]->(ehp)
              CREATE (r5)-[:EXPERIENCED]->(:Event {id: 'TFL-E2', kind: 'ACHIEVEMENT', service: 'EDUCATION',
                       date: date('2024-09-01'), traumatic: false, strength: true, sourceSystem: 'SYN_EDUCATION'})
              CREATE (a1:Adult {id: 'TFL-A1', givenName: 'Helen', familyName: 'Harrington',
                                birthDate: date('1988-06-01')})-[:PARENT_OF {relationship: 'MOTHER',
                                parentalResponsibility: true}]->(c1)
              CREATE (c2:Child {id: 'TFL-C2', givenName: 'Ruby', familyName: 'Harrington',
                                birthDate: date('2012-01-01')})
              CREATE (c1)-[:SIBLING_OF {kind: 'FULL'}]->(c2)
              CREATE (:PersonRecord {id: 'SYN_SOCIAL_CARE:TFL-2', system: 'SYN_SOCIAL_CARE', localId: 'TFL-2'})
                       -[:REFERS_TO]->(c2)
              WITH c2
              MATCH (r:PersonRecord {id: 'SYN_SOCIAL_CARE:TFL-2'})
              CREATE (r)-[:HAD]->(:Involvement {id: 'TFL-I5', kind: 'CIN_EPISODE', service: 'SOCIAL_CARE',
                       start: date('2024-01-15'), sourceSystem: 'SYN_SOCIAL_CARE'})
              CREATE (c3:Child {id: 'TFL-C3', givenName: 'Olivia', familyName: 'Harrison',
                                birthDate: date('2015-03-04')})
              CREATE (:PersonRecord {id: 'SYN_SOCIAL_CARE:TFL-3', system: 'SYN_SOCIAL_CARE', localId: 'TFL-3',
                                     givenName: 'Olivia', familyName: 'Harrison'})-[:REFERS_TO]->(c3)
              CREATE (c4:Child {id: 'TFL-C4', givenName: 'Olivia', familyName: 'Harrington',
                                birthDate: date('2015-03-04'), restricted: true})
              CREATE (:PersonRecord {id: 'SYN_SOCIAL_CARE:TFL-4', system: 'SYN_SOCIAL_CARE', localId: 'TFL-4',
                                     givenName: 'Olivia', familyName: 'Harrington', restricted: true,
                                     restriction: 'REFUGE_ADDRESS'})-[:REFERS_TO]->(c4)
              """,
              java.util.Map.of("team", TEAM))
          .consume();
    }
    // The full-text index is eventually consistent: wait until the new names are searchable.
    try (var s = TestNeo4j.driver().session()) {
      s.run("CALL db.awaitIndexes(60)").consume();
      for (int i = 0; i < 100; i++) {
        long found =
            s.run(
                    "CALL db.index.fulltext.queryNodes('person_names', 'harrington') YIELD node"
                        + " WHERE node.id STARTS WITH 'TFL-' RETURN count(node) AS n")
                .single()
                .get("n")
                .asLong();
        if (found >= 2) {
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
              MATCH (n) WHERE n.id STARTS WITH 'TFL-' OR n.id ENDS WITH ':TFL-1'
                 OR n.id ENDS WITH ':TFL-2' OR n.id ENDS WITH ':TFL-3' OR n.id ENDS WITH ':TFL-4'
                 OR n.key STARTS WITH 'LA_CHILD_ID@TFL' OR (n.id = $team AND n.name = 'Assessment team (test)')
                 OR ((n:Annotation OR n:Consent)
                     AND (n.childId STARTS WITH 'TFL-' OR n.personId STARTS WITH 'TFL-'))
              DETACH DELETE n
              """,
              java.util.Map.of("team", TEAM))
          .consume();
    }
  }
}
