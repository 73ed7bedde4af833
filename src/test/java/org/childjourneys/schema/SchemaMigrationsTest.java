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
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16);
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
