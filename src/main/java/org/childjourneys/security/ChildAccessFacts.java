package org.childjourneys.security;

import java.util.List;

/**
 * What the access rules need to know about one child, read with the child: whether the record is
 * restricted (sealed, adopted, refuge address), whether the reader's team has worked with the
 * child, the latest consent decisions, whether only other local authorities than the reader's hold
 * records of the child, and which authorities own the child's records (for the audit trail).
 */
public record ChildAccessFacts(
    String childId,
    boolean restricted,
    boolean teamInvolved,
    List<ConsentState> consents,
    boolean otherAuthoritiesOnly,
    List<String> owners) {

  /** Facts of a child of the reader's own authority only. */
  public ChildAccessFacts(
      String childId, boolean restricted, boolean teamInvolved, List<ConsentState> consents) {
    this(childId, restricted, teamInvolved, consents, false, List.of());
  }

  /**
   * The facts as the access queries return them: columns {@code restricted}, {@code teamInvolved},
   * {@code consents} ([{service, scope, given}]), {@code otherAuthoritiesOnly} and {@code owners}
   * (the recorded owners of the child's records' source systems, null for none recorded).
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
                        c.get("given").asBoolean(false))),
        // required: a query without them fails instead of opening other authorities' children
        row.get("otherAuthoritiesOnly").asBoolean(),
        row.get("owners").asList(v -> v.asString(null)));
  }

  /** The latest consent decision for one service and scope. */
  public record ConsentState(String service, String scope, boolean given) {}
}
