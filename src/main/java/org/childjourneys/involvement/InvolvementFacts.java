package org.childjourneys.involvement;

import java.util.List;
import org.childjourneys.dataset.Sources;
import org.neo4j.driver.Value;

/** One child's involvements and contact confirmations, read for a batch of children at once. */
record InvolvementFacts(
    String childId,
    List<Value> involvements,
    List<Value> confirmations,
    Sources.Catalogue catalogue) {}
