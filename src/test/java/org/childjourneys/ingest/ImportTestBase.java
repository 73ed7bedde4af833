package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourneys.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import tests: the whole service on its own empty database (no synthetic authority), reset
 * before each test except for the schema and reference data.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "childjourneys.demo.enabled=false",
      "childjourneys.import.directory=target/test-imports"
    })
@org.springframework.context.annotation.Import(org.childjourneys.QueryCounter.Config.class)
abstract class ImportTestBase {

  static final Path EXAMPLES = Path.of("import", "examples");
  static final Path MESSY = Path.of("src", "test", "resources", "import");

  private static Driver driver;

  @Autowired ImportJobService jobs;

  @DynamicPropertySource
  static void importNeo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.importBoltUri().toString());
    registry.add("spring.neo4j.authentication.password", () -> "");
  }

  static synchronized Driver db() {
    if (driver == null) {
      driver = GraphDatabase.driver(TestNeo4j.importBoltUri(), AuthTokens.none());
    }
    return driver;
  }

  @BeforeEach
  void emptyDatabase() {
    try (var s = db().session()) {
      s.run(
              """
              MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Service AND NOT n:Need
              CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
              """)
          .consume();
    }
  }

  ImportJob runImport(
      ImportFormat format, String system, LocalDate reference, ImportMode mode, Path... files)
      throws InterruptedException {
    String id = jobs.newJobId();
    ImportJob queued =
        jobs.submit(
            id, new ImportRequest(format, system, "999", reference, mode, List.of(files)), "test");
    assertThat(queued.status()).isEqualTo("QUEUED");
    return jobs.await(id, Duration.ofMinutes(5));
  }

  /** As {@link #runImport}, with the request's LA code given (null: none). */
  ImportJob runImportForLa(
      ImportFormat format,
      String system,
      String laCode,
      LocalDate reference,
      ImportMode mode,
      Path... files)
      throws InterruptedException {
    String id = jobs.newJobId();
    jobs.submit(
        id, new ImportRequest(format, system, laCode, reference, mode, List.of(files)), "test");
    return jobs.await(id, Duration.ofMinutes(5));
  }

  /** As {@link #runImport}, for a source system owned by this authority (null: the service's). */
  ImportJob runImportOwnedBy(
      String authority,
      ImportFormat format,
      String system,
      LocalDate reference,
      ImportMode mode,
      Path... files)
      throws InterruptedException {
    String id = jobs.newJobId();
    jobs.submit(
        id,
        new ImportRequest(format, system, "999", reference, mode, List.of(files), authority),
        "test");
    return jobs.await(id, Duration.ofMinutes(5));
  }

  static List<Record> query(String cypher, Object... params) {
    Map<String, Object> map = new java.util.HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], params[i + 1]);
    }
    try (var s = db().session()) {
      return s.run(cypher, map).list();
    }
  }

  static long count(String cypher, Object... params) {
    return query(cypher, params).get(0).get(0).asLong();
  }

  List<Rejection> rejections(String jobId) {
    List<Rejection> all = new ArrayList<>();
    jobs.rejections(jobId, all::add);
    return all;
  }
}
