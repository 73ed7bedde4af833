package org.childjourneys.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.childjourneys.disclosure.Audience;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's caseload as counts of open involvements by kind and their total, shown to an audience:
 * real numbers for the team's own manager, suppressed (primary and secondary) for anyone else.
 * Aggregates, so not written to the audit trail (docs/security.md).
 */
@Service
public class TeamCaseloadService {

  record TeamCaseload(
      String teamId,
      String teamName,
      String service,
      boolean suppressed,
      List<CaseloadCount> kinds,
      Integer total) {}

  record CaseloadCount(String kind, Integer openInvolvements) {}

  private record Counts(String teamId, String teamName, String service, Map<String, Long> byKind) {}

  private static final String TOTAL = "total";

  private final Neo4jClient neo4j;

  TeamCaseloadService(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  @Transactional(readOnly = true)
  public Optional<TeamCaseload> caseload(String teamId, Audience audience) {
    return neo4j
        .query(CypherFile.load("disclosure/team-caseload"))
        .bind(teamId)
        .to("teamId")
        .fetchAs(Counts.class)
        .mappedBy(
            (types, r) -> {
              Map<String, Long> byKind = new LinkedHashMap<>();
              r.get("kinds")
                  .asList(v -> v)
                  .forEach(k -> byKind.put(k.get("kind").asString(), k.get("open").asLong()));
              return new Counts(
                  r.get("teamId").asString(),
                  r.get("teamName").asString(null),
                  r.get("service").asString(null),
                  byKind);
            })
        .one()
        .map(counts -> shown(counts, audience));
  }

  private static TeamCaseload shown(Counts counts, Audience audience) {
    SmallNumbers.Table table = new SmallNumbers.Table();
    counts.byKind().forEach(table::count);
    table.total(TOTAL, new ArrayList<>(counts.byKind().keySet()));
    Map<String, Integer> shown = SmallNumbers.forAudience(audience, table);
    List<CaseloadCount> kinds =
        counts.byKind().keySet().stream().map(k -> new CaseloadCount(k, shown.get(k))).toList();
    return new TeamCaseload(
        counts.teamId(),
        counts.teamName(),
        counts.service(),
        !audience.seesRealNumbers(),
        kinds,
        shown.get(TOTAL));
  }
}
