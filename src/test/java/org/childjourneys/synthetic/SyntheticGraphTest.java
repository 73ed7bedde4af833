package org.childjourneys.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.childjourneys.dataset.Dataset;
import org.childjourneys.identifiers.Identifiers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo authority written through the real start-up path matches what was simulated. */
class SyntheticGraphTest extends IntegrationTest {

  @Autowired DemoDataLoader loader;

  private static long count(Session session, String cypher) {
    return session.run(cypher).single().get(0).asLong();
  }

  @Test
  void graphHoldsExactlyWhatTheSimulationProduced() {
    SyntheticTally expected =
        SyntheticAuthorityGenerator.simulate(SyntheticSettings.of(CHILDREN, SEED));
    try (Session s = TestNeo4j.driver().session()) {
      assertThat(count(s, "MATCH (c:Child) RETURN count(c)")).isEqualTo(CHILDREN);
      assertThat(count(s, "MATCH (n:PersonRecord) RETURN count(n)"))
          .isEqualTo(expected.personRecords());
      assertThat(count(s, "MATCH (n:Involvement) RETURN count(n)"))
          .isEqualTo(expected.involvements());
      assertThat(count(s, "MATCH (n:Event) RETURN count(n)")).isEqualTo(expected.events());
      assertThat(count(s, "MATCH (n:Contact) RETURN count(n)")).isEqualTo(expected.contacts());
      assertThat(count(s, "MATCH (n:Placement) RETURN count(n)")).isEqualTo(expected.placements());
    }
  }

  @Test
  void everyFactHangsOffOneSourceRecordOfOneChild() {
    try (Session s = TestNeo4j.driver().session()) {
      assertThat(
              count(
                  s,
                  "MATCH (r:PersonRecord) WHERE COUNT { (r)-[:REFERS_TO]->(:Child) } <> 1"
                      + " RETURN count(r)"))
          .isZero();
      assertThat(
              count(
                  s,
                  "MATCH (i:Involvement) WHERE NOT EXISTS { (:PersonRecord)-[:HAD]->(i) }"
                      + " OR i.sourceSystem IS NULL OR i.sourceFile IS NULL RETURN count(i)"))
          .isZero();
      // childId on a fact is the child its record refers to.
      assertThat(
              count(
                  s,
                  "MATCH (c:Child)<-[:REFERS_TO]-(:PersonRecord)-[:EXPERIENCED]->(e:Event)"
                      + " WHERE e.childId <> c.id RETURN count(e)"))
          .isZero();
    }
  }

  @Test
  void noFactPredatesItsSourcesCoverage() {
    try (Session s = TestNeo4j.driver().session()) {
      long outside =
          count(
              s,
              """
              MATCH (src:DataSource)
              MATCH (e:Event) WHERE e.sourceSystem = src.system AND e.date < src.coveredFrom
              RETURN count(e)
              """);
      assertThat(outside).isZero();
      // Housing data only starts five years into the window, so the gap is real.
      Map<String, Object> housing =
          s.run("MATCH (d:DataSource {system: 'SYN_HOUSING'}) RETURN d.coveredFrom AS from")
              .single()
              .asMap();
      assertThat(housing.get("from").toString()).isEqualTo("2021-04-01");
      // every source belongs to the deployment's authority (the tests' la-code)
      assertThat(
              s.run(
                      "MATCH (d:DataSource) WHERE d.synthetic"
                          + " RETURN collect(DISTINCT d.authority) AS owners")
                  .single()
                  .get("owners")
                  .asList())
          .containsExactly("E06000999");
    }
  }

  @Test
  void identifiersAreWellFormedAndShared() {
    try (Session s = TestNeo4j.driver().session()) {
      var nhs =
          s.run("MATCH (i:Identifier {scheme: 'NHS'}) RETURN i.value AS v")
              .list(r -> r.get("v").asString());
      assertThat(nhs).isNotEmpty().allMatch(Identifiers::isValidNhsNumber);
      // An NHS number held by several systems' records is one Identifier node.
      assertThat(
              count(
                  s,
                  "MATCH (i:Identifier {scheme: 'NHS'}) WHERE COUNT { (i)<-[:HAS_IDENTIFIER]-() } > 1"
                      + " RETURN count(i)"))
          .isPositive();
    }
  }

  @Test
  void secondStartReusesTheAuthorityAndRealDataIsNeverMixedIn() {
    assertThat(loader.load()).isEqualTo(DemoDataLoader.Outcome.REUSED);
    Dataset dataset = new Dataset(TestNeo4j.driver(), "neo4j", false);
    assertThat(dataset.marker()).get().extracting(Dataset.Marker::status).isEqualTo("COMPLETE");
    assertThatThrownBy(() -> dataset.claim(Dataset.Kind.REAL, "IMPORTING"))
        .isInstanceOf(Dataset.MixedDataException.class)
        .hasMessageContaining("holds synthetic data; refusing to add real data");
  }
}
