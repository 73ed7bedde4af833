package org.childjourneys.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph facts read from one batch of source records, ready to be written in one transaction.
 * Importers add records, identifiers and facts; {@link GraphUpserter} links and writes them. Every
 * fact carries its provenance: source system, file and record (row number or XML path).
 */
final class Staged {

  /** A person's record in one source system. */
  record PersonRecord(
      String id, String label, Map<String, Object> props, List<String[]> identifiers) {}

  final Map<String, PersonRecord> records = new LinkedHashMap<>();
  final List<Map<String, Object>> involvements = new ArrayList<>();
  final List<Map<String, Object>> events = new ArrayList<>();
  final List<Map<String, Object>> contacts = new ArrayList<>();
  final List<Map<String, Object>> placements = new ArrayList<>();
  final List<Map<String, Object>> partOf = new ArrayList<>();
  final List<Map<String, Object>> allocations = new ArrayList<>();
  final Map<String, String> recordOfInvolvement = new HashMap<>();
  final Map<String, Map<String, Object>> teams = new LinkedHashMap<>();
  final List<Map<String, Object>> family = new ArrayList<>();
  long sourceRecords;

  /** Where a fact was read: the file and the row number or XML path in it. */
  record Src(String file, String location) {}

  private final String system;

  Staged(String system) {
    this.system = system;
  }

  String system() {
    return system;
  }

  /** Adds (or returns) the record of a child or adult; props are what the source says of them. */
  String person(String localId, boolean child, Map<String, Object> props, Src src) {
    String id = system + ":" + localId;
    records.computeIfAbsent(
        id,
        k -> {
          Map<String, Object> p = new HashMap<>(props);
          p.values().removeIf(v -> v == null);
          p.put("id", id);
          p.put("system", system);
          p.put("localId", localId);
          p.put("personType", child ? "CHILD" : "ADULT");
          provenance(p, src);
          return new PersonRecord(id, child ? "Child" : "Adult", p, new ArrayList<>());
        });
    return id;
  }

  void identifier(String record, String scheme, String value) {
    List<String[]> ids = records.get(record).identifiers();
    for (String[] existing : ids) {
      if (existing[0].equals(scheme) && existing[1].equals(value)) {
        return;
      }
    }
    ids.add(new String[] {scheme, value});
  }

  void involvement(
      String id, String record, String kind, String service, Map<String, Object> content, Src src) {
    Map<String, Object> props = fact(id, content, src);
    props.put("kind", kind);
    props.put("service", service);
    recordOfInvolvement.put(id, record);
    involvements.add(row("id", id, "record", record, "team", null, "props", props));
  }

  void event(
      String id,
      String record,
      String kind,
      String service,
      LocalDate date,
      Map<String, Object> content,
      Src src) {
    Map<String, Object> props = fact(id, content, src);
    props.put("kind", kind);
    props.put("service", service);
    props.put("date", date);
    events.add(row("id", id, "record", record, "props", props));
  }

  void contact(String id, String record, String ledTo, Map<String, Object> content, Src src) {
    contacts.add(row("id", id, "record", record, "ledTo", ledTo, "props", fact(id, content, src)));
  }

  void placement(String id, String involvement, Map<String, Object> content, Src src) {
    placements.add(row("id", id, "involvement", involvement, "props", fact(id, content, src)));
  }

  void partOf(String part, String whole) {
    partOf.add(row("part", part, "whole", whole));
  }

  void allocation(
      String professional,
      String name,
      String involvement,
      LocalDate from,
      Map<String, Object> content) {
    Map<String, Object> props = new HashMap<>(content);
    props.values().removeIf(v -> v == null);
    props.put("sourceSystem", system);
    props.put("from", from);
    allocations.add(
        row(
            "professional",
            professional,
            "name",
            name,
            "involvement",
            involvement,
            "from",
            from,
            "props",
            props));
  }

  boolean isEmpty() {
    return records.isEmpty()
        && involvements.isEmpty()
        && events.isEmpty()
        && contacts.isEmpty()
        && partOf.isEmpty()
        && family.isEmpty();
  }

  private Map<String, Object> fact(String id, Map<String, Object> content, Src src) {
    Map<String, Object> props = new HashMap<>(content);
    props.values().removeIf(v -> v == null);
    props.put("id", id);
    provenance(props, src);
    return props;
  }

  private void provenance(Map<String, Object> props, Src src) {
    props.put("sourceSystem", system);
    props.put("sourceFile", src.file());
    props.put("sourceRecord", src.location());
  }

  /** A map that drops null values, so absent properties stay absent in the graph. */
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
