package org.childjourneys.security;

import java.util.List;

/**
 * What the access rules need to know about one child, read with the child: whether the record is
 * restricted (sealed, adopted, refuge address), whether the reader's team has worked with the
 * child, and the latest consent decisions.
 */
public record ChildAccessFacts(
    String childId, boolean restricted, boolean teamInvolved, List<ConsentState> consents) {

  /**
   * The facts as the access queries return them: columns {@code restricted}, {@code teamInvolved}
   * and {@code consents} ([{service, scope, given}]).
   */
  public static ChildAccessFacts from(String childId, org.neo4j.driver.Record row) {
    return new ChildAccessFacts(
        childId,
        row.get("restricted").asBoolean(false),
        row.get("teamInvolved").asBoolean(false),
        row.get("consents")
            .asList(
                c ->
                    new ConsentState(
                        c.get("service").asString(),
                        c.get("scope").asString(),
                        c.get("given").asBoolean(false))));
  }

  /** The latest consent decision for one service and scope. */
  public record ConsentState(String service, String scope, boolean given) {}
}
