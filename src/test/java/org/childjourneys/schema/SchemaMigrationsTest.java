package org.childjourneys.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

class SchemaMigrationsTest extends IntegrationTest {

  @Autowired SchemaMigrations migrations;

  @Test
  void parsesStatementsIgnoringCommentsAndBlankLines() {
    Migration m =
        Migration.parse(
            "V042__two_things.cypher",
            "// comment\nCREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x);\n\nRETURN 1;\n");
    assertThat(m.version()).isEqualTo(42);
    assertThat(m.description()).isEqualTo("two things");
    assertThat(m.statements())
        .containsExactly("CREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x)", "RETURN 1");
    assertThatThrownBy(() -> Migration.parse("add_index.cypher", "RETURN 1"))
        .hasMessageContaining("must look like V001__short_description.cypher");
  }

  @Test
  void everyMigrationIsAppliedOnceAndRecorded() {
    List<Migration> files = SchemaMigrations.load();
    assertThat(files)
        .extracting(Migration::version)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18);
    assertThat(migrations.migrate()).isEmpty();
    try (Session s = TestNeo4j.driver().session()) {
      var recorded =
          s.run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c ORDER BY v")
              .list(r -> r.get("v").asInt() + ":" + r.get("c").asString());
      assertThat(recorded)
          .containsExactlyElementsOf(
              files.stream().map(f -> f.version() + ":" + f.checksum()).toList());
      long constraints =
          s.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").single().get("n").asLong();
      assertThat(constraints).isEqualTo(32);
      assertThat(s.run("MATCH (s:Service) RETURN count(s) AS n").single().get("n").asInt())
          .isEqualTo(9);
    }
  }

  /**
   * V016 (docs/security.md, "Several authorities in one graph"), run in a rolled-back transaction.
   */
  @Test
  void v016RecordsTheDeploymentsAuthorityAsOwnerOfWhatWasLoadedBefore() {
    Migration v016 =
        SchemaMigrations.load().stream().filter(m -> m.version() == 16).findFirst().orElseThrow();
    try (Session s = TestNeo4j.driver().session();
        var tx = s.beginTransaction()) {
      tx.run(
              """
              CREATE (:DataSource {system: 'TV16_OLD'}),
                     (:DataSource {system: 'TV16_B', authority: 'E06000998'}),
                     (:PersonRecord {id: 'TV16_BARE:1', system: 'TV16_BARE', localId: '1'})
              """)
          .consume();
      String owners =
          """
          MATCH (d:DataSource) WHERE d.system STARTS WITH 'TV16_'
          WITH d ORDER BY d.system
          RETURN collect(d.system + '=' + coalesce(d.authority, '-')) AS owners
          """;
      for (String statement : v016.statements()) {
        tx.run(statement, java.util.Map.of("homeAuthority", "")).consume();
      }
      // no authority configured: nothing is written
      assertThat(tx.run(owners).single().get("owners").asList())
          .containsExactly("TV16_B=E06000998", "TV16_OLD=-");
      for (String statement : v016.statements()) {
        tx.run(statement, java.util.Map.of("homeAuthority", "E06000999")).consume();
      }
      assertThat(tx.run(owners).single().get("owners").asList())
          .containsExactly("TV16_B=E06000998", "TV16_BARE=E06000999", "TV16_OLD=E06000999");
      tx.rollback();
    }
  }

  /**
   * V018 (docs/measures.md#journey-summaries): a summary written before steps carried their source
   * system gets them, exactly as a refresh writes them; the others are left as they are.
   */
  @Test
  void v017GivesOldJourneySummariesTheirStepsSystems() {
    Migration v017 =
        SchemaMigrations.load().stream().filter(m -> m.version() == 18).findFirst().orElseThrow();
    try (Session s = TestNeo4j.driver().session()) {
      String summaries =
          """
          MATCH (j:JourneySummary) WITH j ORDER BY j.childId LIMIT 2
          RETURN collect([j.childId, j.kinds, j.starts, j.systems]) AS all
          """;
      var before = s.run(summaries).single().get("all").asObject();
      assertThat(before.toString()).contains("SYN_");
      s.run("MATCH (j:JourneySummary) WITH j ORDER BY j.childId LIMIT 1 REMOVE j.systems")
          .consume();
      assertThat(s.run(summaries).single().get("all").asObject()).isNotEqualTo(before);
      for (String statement : v017.statements()) {
        s.run(statement).consume();
      }
      assertThat(s.run(summaries).single().get("all").asObject()).isEqualTo(before);
    }
  }

  @Test
  void aMigrationChangedAfterItWasAppliedStopsTheService() {
    try (Session s = TestNeo4j.driver().session()) {
      String original =
          s.run("MATCH (m:SchemaMigration {version: 3}) SET m.checksum = 'tampered' RETURN 1 AS x")
              .consume()
              .toString();
      assertThat(original).isNotEmpty();
      try {
        assertThatThrownBy(migrations::migrate)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("V003__journeys.cypher was changed after it was applied");
      } finally {
        String checksum =
            SchemaMigrations.load().stream()
                .filter(m -> m.version() == 3)
                .findFirst()
                .orElseThrow()
                .checksum();
        s.run(
                "MATCH (m:SchemaMigration {version: 3}) SET m.checksum = $c",
                java.util.Map.of("c", checksum))
            .consume();
      }
    }
  }
}
