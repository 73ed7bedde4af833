package org.childjourneys.chronology;

import java.util.List;
import org.childjourneys.dataset.Sources;
import org.neo4j.driver.Value;

/**
 * What one child's chronology, summary and step changes are computed from, read for a whole batch
 * of children at once ({@code chronology/child-facts}).
 */
record ChildFacts(
    String childId,
    List<Value> contacts,
    List<Value> involvements,
    List<Value> events,
    List<Value> annotations,
    Sources.Catalogue catalogue) {

  static ChildFacts none(String childId, Sources.Catalogue catalogue) {
    return new ChildFacts(childId, List.of(), List.of(), List.of(), List.of(), catalogue);
  }
}
