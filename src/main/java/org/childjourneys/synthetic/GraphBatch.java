package org.childjourneys.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows for one write transaction, grouped by the statement that writes them. */
final class GraphBatch {

  final List<Map<String, Object>> addresses = new ArrayList<>();
  final List<Map<String, Object>> children = new ArrayList<>();
  final List<Map<String, Object>> adults = new ArrayList<>();
  final List<Map<String, Object>> family = new ArrayList<>();
  final List<Map<String, Object>> siblings = new ArrayList<>();
  final List<Map<String, Object>> records = new ArrayList<>();
  final List<Map<String, Object>> identifiers = new ArrayList<>();
  final List<Map<String, Object>> involvements = new ArrayList<>();
  final List<Map<String, Object>> partOf = new ArrayList<>();
  final List<Map<String, Object>> allocations = new ArrayList<>();
  final List<Map<String, Object>> events = new ArrayList<>();
  final List<Map<String, Object>> contacts = new ArrayList<>();
  final List<Map<String, Object>> placements = new ArrayList<>();
  int childCount;

  int rows() {
    return addresses.size()
        + children.size()
        + adults.size()
        + family.size()
        + siblings.size()
        + records.size()
        + identifiers.size()
        + involvements.size()
        + partOf.size()
        + allocations.size()
        + events.size()
        + contacts.size()
        + placements.size();
  }

  /** A mutable map that drops null values, so absent properties stay absent in the graph. */
  static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> map = new HashMap<>(keyValues.length);
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return map;
  }
}
