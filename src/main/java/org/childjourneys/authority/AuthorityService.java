package org.childjourneys.authority;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What this database holds: the authority, its services and the sources loaded. */
@Service
public class AuthorityService {

  record Authority(
      String name,
      String dataset,
      String status,
      boolean synthetic,
      int children,
      LocalDate referenceDate) {}

  record ServiceSummary(
      String code,
      String name,
      int teams,
      Integer involvements,
      Integer openInvolvements,
      Integer children) {}

  record DataSource(
      String system,
      String name,
      List<String> services,
      LocalDate coveredFrom,
      LocalDate coveredTo,
      LocalDate asAt) {}

  private final Neo4jClient neo4j;

  AuthorityService(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  @Transactional(readOnly = true)
  public Authority authority() {
    return neo4j
        .query(CypherFile.load("authority/authority"))
        .fetchAs(Authority.class)
        .mappedBy(
            (types, r) ->
                new Authority(
                    r.get("name").asString(null),
                    r.get("dataset").asString(null),
                    r.get("status").asString(null),
                    "SYNTHETIC".equals(r.get("dataset").asString(null)),
                    r.get("children").asInt(),
                    date(r.get("referenceDate"))))
        .one()
        .orElseThrow();
  }

  @Transactional(readOnly = true)
  public Collection<ServiceSummary> services() {
    return neo4j
        .query(CypherFile.load("authority/services"))
        .fetchAs(ServiceSummary.class)
        .mappedBy(
            (types, r) ->
                new ServiceSummary(
                    r.get("code").asString(),
                    r.get("name").asString(),
                    r.get("teams").asInt(),
                    SmallNumbers.suppress(r.get("involvements").asLong()),
                    SmallNumbers.suppress(r.get("openInvolvements").asLong()),
                    SmallNumbers.suppress(r.get("children").asLong())))
        .all();
  }

  @Transactional(readOnly = true)
  public Collection<DataSource> dataSources() {
    return neo4j
        .query(CypherFile.load("authority/data-sources"))
        .fetchAs(DataSource.class)
        .mappedBy(
            (types, r) ->
                new DataSource(
                    r.get("system").asString(),
                    r.get("name").asString(null),
                    r.get("services").asList(Value::asString),
                    date(r.get("coveredFrom")),
                    date(r.get("coveredTo")),
                    date(r.get("asAt"))))
        .all();
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }
}
