package org.childjourneys.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.neo4j.driver.Driver;

/**
 * A checksum of the whole graph that ignores job metadata (job ids, import and decision times): two
 * imports that leave the same facts give the same checksum, whenever and however they ran.
 */
final class GraphChecksum {

  private static final String JOB_METADATA =
      "['importJob', 'lastImport', 'lastImportJob', 'decidedAt', 'retiredAt', 'retiredByJob',"
          + " 'createdAt', 'updatedAt', 'claimedByJob']";

  private static final String NODES =
      """
      MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Dataset AND NOT n:ImportJob
        AND NOT n:ImportRejection
      WITH labels(n) AS labels,
           COLLECT { UNWIND keys(n) AS k WITH k ORDER BY k
                     RETURN k + '=' + CASE WHEN k IN %s THEN 'set' ELSE text(n[k]) END } AS props
      WITH apoc_free_join(labels, props) AS line ORDER BY line
      RETURN collect(line) AS lines
      """;

  private static final String RELATIONSHIPS =
      """
      MATCH (a)-[r]->(b)
      WITH type(r) + ' ' + coalesce(a.id, a.key, a.code, a.system) + ' -> '
             + coalesce(b.id, b.key, b.code, b.system) + ' '
             + reduce(s = '', k IN COLLECT { UNWIND keys(r) AS k WITH k ORDER BY k RETURN k }
                 | s + k + '=' + CASE WHEN k IN %s THEN 'set' ELSE text(r[k]) END + ';') AS line
      ORDER BY line
      RETURN collect(line) AS lines
      """;

  private GraphChecksum() {}

  /** Cypher's toString() rejects lists: render them element by element. */
  private static String lists(String query) {
    return query.replaceAll(
        "text\\((\\w)\\[k\\]\\)",
        "CASE WHEN valueType($1[k]) STARTS WITH 'LIST'"
            + " THEN reduce(s = '[', x IN $1[k] | s + toString(x) + ',') ELSE toString($1[k]) END");
  }

  static String of(Driver driver) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String nodes =
          NODES
              .formatted(JOB_METADATA)
              .replace(
                  "apoc_free_join(labels, props)",
                  "reduce(s = '', l IN labels | s + ':' + l) + ' '"
                      + " + reduce(s = '', p IN props | s + p + ';')");
      for (String query :
          new String[] {lists(nodes), lists(RELATIONSHIPS.formatted(JOB_METADATA))}) {
        for (Object line :
            driver.executableQuery(query).execute().records().get(0).get("lines").asList()) {
          digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
          digest.update((byte) '\n');
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
