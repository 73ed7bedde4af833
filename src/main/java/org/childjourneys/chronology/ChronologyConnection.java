package org.childjourneys.chronology;

import java.util.List;

/** A Relay connection over a chronology, with the services withheld from this reader. */
record ChronologyConnection(
    List<Edge> edges, PageInfo pageInfo, int totalCount, List<Withheld> withheld) {

  record Edge(String cursor, ChronologyItem node) {}

  record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  /** A service whose facts this reader does not see, and why (sharing rules or consent). */
  record Withheld(String service, String access, String reason) {}
}
