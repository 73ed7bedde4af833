package org.childjourneys.involvement;

import java.util.List;
import org.childjourneys.dataset.Sources;
import org.neo4j.driver.Value;

/** One child's relatives and household members, read for a batch of children at once. */
record FamilyFacts(
    String childId,
    List<Value> adults,
    List<Value> siblings,
    List<Value> household,
    Sources.Catalogue catalogue) {}
