package org.childjourneys.linkage;

import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The matcher every importer uses: the configured {@link Linker} and a blocking index of the
 * children in the graph, read afresh for each import so it always agrees with the graph (merges,
 * unmerges and other writers included). About a second per 100,000 child records.
 */
@Component
public class LinkageEngine {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(LinkageEngine.class);

  private final Driver driver;
  private final String database;
  private final Linker linker;

  LinkageEngine(
      Driver driver,
      @org.springframework.beans.factory.annotation.Value("${spring.data.neo4j.database:neo4j}")
          String database,
      LinkageProperties properties) {
    this.driver = driver;
    this.database = database;
    this.linker = new Linker(properties.linkAbove(), properties.reviewAbove());
  }

  public Linker linker() {
    return linker;
  }

  /** The children known now, indexed for matching. */
  public PersonIndex loadIndex() {
    long started = System.nanoTime();
    PersonIndex index = new PersonIndex();
    try (var session =
        driver.session(
            SessionConfig.builder()
                .withDatabase(database)
                .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
                .build())) {
      session
          .run(CypherFile.load("linkage/index-records"))
          .forEachRemaining(
              r -> index.add(new IndexedRecord(record(r::get), r.get("personId").asString())));
    }
    log.info(
        "Linkage index: {} child records of {} people in {} ms",
        index.records(),
        index.persons(),
        (System.nanoTime() - started) / 1_000_000);
    return index;
  }

  private static LinkageRecord record(java.util.function.Function<String, Value> f) {
    Value dob = f.apply("birthDate");
    return new LinkageRecord(
        f.apply("id").asString(),
        f.apply("system").asString(null),
        f.apply("givenName").asString(null),
        f.apply("familyName").asString(null),
        dob.isNull() ? null : dob.asLocalDate(),
        f.apply("sex").asString(null),
        f.apply("postcode").asString(null),
        f.apply("nhsNumber").asString(null),
        f.apply("upn").asString(null),
        f.apply("adopted").asBoolean(false),
        f.apply("restricted").asBoolean(false));
  }
}
