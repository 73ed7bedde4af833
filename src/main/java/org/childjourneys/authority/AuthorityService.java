package org.childjourneys.authority;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.Authorities;
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
      LocalDate asAt,
      String authority) {}

  private final Neo4jClient neo4j;
  private final Authorities authorities;

  AuthorityService(Neo4jClient neo4j, Authorities authorities) {
    this.neo4j = neo4j;
    this.authorities = authorities;
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

  /** The services list and its totals, suppressed together (one output). */
  record Services(List<ServiceSummary> services, ServiceTotals totals) {}

  record ServiceTotals(Integer involvements, Integer openInvolvements) {}

  private record ServiceCounts(
      String code, String name, int teams, long involvements, long open, long children) {}

  /**
   * The services with small numbers suppressed for every audience (authority-wide figures have no
   * team of the reader's own in them). The involvement columns add up to totals, so they get
   * secondary suppression as well, always: whether a client asks for the totals or not, a count
   * shown in one request must not be recoverable with the totals of another. Distinct children do
   * not add up across services (a child can be known to several), so that column has no total.
   */
  @Transactional(readOnly = true)
  public Services services() {
    Collection<ServiceCounts> counts =
        neo4j
            .query(CypherFile.load("authority/services"))
            .fetchAs(ServiceCounts.class)
            .mappedBy(
                (types, r) ->
                    new ServiceCounts(
                        r.get("code").asString(),
                        r.get("name").asString(),
                        r.get("teams").asInt(),
                        r.get("involvements").asLong(),
                        r.get("openInvolvements").asLong(),
                        r.get("children").asLong()))
            .all();
    SmallNumbers.Table table = new SmallNumbers.Table();
    List<String> involvements = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (ServiceCounts c : counts) {
      table.count("involvements:" + c.code(), c.involvements());
      table.count("open:" + c.code(), c.open());
      involvements.add("involvements:" + c.code());
      open.add("open:" + c.code());
    }
    table.total("involvements", involvements).total("open", open);
    Map<String, Integer> shown = SmallNumbers.suppress(table);
    List<ServiceSummary> services =
        counts.stream()
            .map(
                c ->
                    new ServiceSummary(
                        c.code(),
                        c.name(),
                        c.teams(),
                        shown.get("involvements:" + c.code()),
                        shown.get("open:" + c.code()),
                        SmallNumbers.suppress(c.children())))
            .toList();
    return new Services(services, new ServiceTotals(shown.get("involvements"), shown.get("open")));
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
                    date(r.get("asAt")),
                    owner(r.get("authority").asString(null))))
        .all();
  }

  /** The authority owning a source: the one recorded, else the deployment's own (null: none). */
  private String owner(String recorded) {
    String owner = authorities.orHome(recorded);
    return owner.isEmpty() ? null : owner;
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }
}
