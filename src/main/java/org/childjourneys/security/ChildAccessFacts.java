package org.childjourneys.security;

import java.util.List;

/**
 * What the access rules need to know about one child, read with the child: whether the record is
 * restricted (sealed, adopted, refuge address), whether the reader's team has worked with the
 * child, and the latest consent decisions.
 */
public record ChildAccessFacts(
    String childId, boolean restricted, boolean teamInvolved, List<ConsentState> consents) {

  /** The latest consent decision for one service and scope. */
  public record ConsentState(String service, String scope, boolean given) {}
}
