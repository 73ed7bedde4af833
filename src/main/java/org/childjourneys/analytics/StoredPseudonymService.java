package org.childjourneys.analytics;

import java.util.List;
import java.util.Map;
import org.childjourneys.disclosure.Pseudonyms;
import org.childjourneys.neo4j.CypherFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * Writes every child's pseudonym onto the Child node ({@code pseudonym}) for direct graph tools
 * (Bloom under the Enterprise analyst role, docs/security.md "The Bolt boundary"). Run by an
 * administrator after loading data and after changing the pseudonym key; children added since the
 * last run have none until the next. Each batch commits on its own (auto-commit), so a large
 * authority is not one huge transaction and a rerun simply overwrites.
 */
@Service
public class StoredPseudonymService {

  static final int BATCH = 10_000;
  private static final Logger log = LoggerFactory.getLogger(StoredPseudonymService.class);

  private final Neo4jClient neo4j;
  private final Pseudonyms pseudonyms;

  private final org.childjourneys.neo4j.ReadQueries reads;

  StoredPseudonymService(
      Neo4jClient neo4j, Pseudonyms pseudonyms, org.childjourneys.neo4j.ReadQueries reads) {
    this.neo4j = neo4j;
    this.pseudonyms = pseudonyms;
    this.reads = reads;
  }

  /** Writes the pseudonyms of all children; returns how many children were written. */
  public int writeAll() {
    String after = "";
    int written = 0;
    while (true) {
      // Read in a READ session, written in a write one: a cluster serves each where it can.
      List<String> ids =
          reads.list(
              "disclosure/child-ids-after",
              Map.of("after", after, "batch", BATCH),
              r -> r.get("id").asString());
      if (ids.isEmpty()) {
        break;
      }
      List<Map<String, Object>> rows =
          ids.stream()
              .map(id -> Map.<String, Object>of("id", id, "pseudonym", pseudonyms.of(id)))
              .toList();
      neo4j.query(CypherFile.load("disclosure/write-pseudonyms")).bind(rows).to("rows").run();
      written += ids.size();
      after = ids.get(ids.size() - 1);
    }
    log.info("Stored the pseudonyms of {} children", written);
    return written;
  }
}
