package org.childjourneys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.neo4j.driver.Driver;

/**
 * Compares two graphs node by node and relationship by relationship, ignoring run times and what
 * use of the service adds (audit trail, annotations, consent, stored pseudonyms).
 */
final class GraphFingerprint {

  /** Per label: every node's properties, ordered by key. Run-time stamps are left out. */
  private static final String NODES =
      """
      MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Dataset AND NOT n:AuditEntry
        AND NOT n:AuditChain AND NOT n:Annotation AND NOT n:Consent
      WITH labels(n)[0] AS label,
           coalesce(n.id, n.key, n.code, n.system, n.childId) AS key,
           COLLECT { UNWIND keys(n) AS k WITH k WHERE k <> 'lastImport' AND k <> 'pseudonym' ORDER BY k
                     RETURN [k, n[k]] } AS props
      ORDER BY label, key
      RETURN label, count(*) AS count, collect([key, props]) AS nodes
      ORDER BY label
      """;

  /** Per type: every relationship as (start key, end key, properties). */
  private static final String RELATIONSHIPS =
      """
      MATCH (a)-[r]->(b)
      WITH type(r) AS type,
           coalesce(a.id, a.key, a.code, a.system) AS start,
           coalesce(b.id, b.key, b.code, b.system) AS end,
           COLLECT { UNWIND keys(r) AS k WITH k ORDER BY k RETURN [k, r[k]] } AS props
      WITH type, start, end, props,
           reduce(s = '', p IN props | s + p[0] + '=' + toString(p[1]) + ';') AS sortKey
      ORDER BY type, start, end, sortKey
      RETURN type, count(*) AS count, collect([start, end, props]) AS rels
      ORDER BY type
      """;

  private GraphFingerprint() {}

  static void assertSameGraph(Driver actual, Driver expected) {
    for (String query : List.of(NODES, RELATIONSHIPS)) {
      var got = actual.executableQuery(query).execute().records();
      var want = expected.executableQuery(query).execute().records();
      assertThat(got.stream().map(r -> r.get(0).asString() + "=" + r.get(1).asLong()).toList())
          .isEqualTo(
              want.stream().map(r -> r.get(0).asString() + "=" + r.get(1).asLong()).toList());
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i).get(2).asList())
            .as("contents of %s", got.get(i).get(0).asString())
            .isEqualTo(want.get(i).get(2).asList());
      }
    }
  }
}
