package org.childjourneys.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The access decision for one child by id, for writes to a child's record (annotations, consent):
 * the same rules as a read, looked up on their own.
 */
@Component
public class RecordAccess {

  private final Neo4jClient neo4j;
  private final AccessPolicy policy;

  RecordAccess(Neo4jClient neo4j, AccessPolicy policy) {
    this.neo4j = neo4j;
    this.policy = policy;
  }

  /** The grant, or empty when the child does not exist or the rules refuse it. */
  public Optional<Grant> grant(Actor actor, Purpose purpose, String childId) {
    if (!policy.mayReadRecord(actor, purpose)) {
      return Optional.empty();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("id", childId);
    params.put("team", actor.team());
    params.putAll(policy.authorityParameters(actor));
    return neo4j
        .query(CypherFile.load("security/child-access"))
        .bindAll(params)
        .fetchAs(ChildAccessFacts.class)
        .mappedBy((types, r) -> ChildAccessFacts.from(r.get("id").asString(), r))
        .one()
        .flatMap(facts -> policy.decide(actor, purpose, facts));
  }
}
