package org.childjourneys.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.childjourneys.linkage.Decision;
import org.childjourneys.linkage.IndexedRecord;
import org.childjourneys.linkage.LinkageEngine;
import org.childjourneys.linkage.LinkageRecord;
import org.childjourneys.linkage.PersonIndex;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.neo4j.JourneySummaries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Writes one staged batch in one transaction: records and identifiers, then links each record to
 * its person by exact strong identifiers, then the facts with the person's id on them. Every write
 * is a MERGE on a deterministic key, so a batch written twice (a re-run, or a retry after a crash)
 * leaves the graph as written once.
 */
final class GraphUpserter {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(GraphUpserter.class);

  /** Identifier schemes exact enough to link records automatically. */
  static boolean strongScheme(String scheme) {
    return scheme.equals("NHS") || scheme.equals("UPN") || scheme.startsWith("LA_CHILD_ID@");
  }

  private final Driver driver;
  private final String database;
  private final LinkageEngine linkage;

  /** The children known at the job's first child record, plus those this job has committed. */
  private PersonIndex index;

  GraphUpserter(Driver driver, String database, LinkageEngine linkage) {
    this.driver = driver;
    this.database = database;
    this.linkage = linkage;
  }

  /** Writes the batch; returns the counts and the facts it holds (for snapshot retirement). */
  Written write(Staged batch, String jobId) {
    long started = System.nanoTime();
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      Written written = session.executeWrite(tx -> write(tx, batch, jobId));
      // Only now committed: a retried transaction must not find its own uncommitted records.
      // (Before the index is first needed there is nothing to add to: loading it reads them.)
      if (index != null) {
        written.linked().forEach(index::add);
      }
      return written;
    } finally {
      if (log.isDebugEnabled()) {
        log.debug("batch committed in {} ms", (System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  /**
   * One named statement ({@code cypher/ingest/<name>.cypher}) and its rows, for importers that
   * write nodes directly rather than through {@link Staged} (directories, GIAS, ODS).
   */
  record Rows(String name, List<Map<String, Object>> rows) {}

  /**
   * Writes the statements in one transaction, in order; sums the {@code created}, {@code updated}
   * and {@code unchanged} they return.
   */
  ImportCounts writeRows(List<Rows> statements) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      long[] counts =
          session.executeWrite(
              tx -> {
                long[] c = new long[3];
                for (Rows s : statements) {
                  add(c, run(tx, s.name(), s.rows()));
                }
                return c;
              });
      return new ImportCounts(0, counts[0], counts[1], counts[2], 0, 0);
    }
  }

  /**
   * What a batch did: its counts, the facts it holds, keys it found twice, and the child records it
   * linked (for the matcher's index once committed).
   */
  record Written(
      ImportCounts counts,
      List<String[]> facts,
      List<Rejection> duplicates,
      List<IndexedRecord> linked) {}

  private Written write(TransactionContext tx, Staged batch, String jobId) {
    long[] counts = new long[3];
    List<Map<String, Object>> recordRows = new ArrayList<>();
    List<Map<String, Object>> identifierRows = new ArrayList<>();
    for (Staged.PersonRecord r : batch.records.values()) {
      Map<String, Object> props = new HashMap<>(r.props());
      props.put("importJob", jobId);
      recordRows.add(Staged.row("id", r.id(), "props", props));
      for (String[] i : r.identifiers()) {
        identifierRows.add(
            Staged.row(
                "record",
                r.id(),
                "scheme",
                i[0],
                "value",
                i[1],
                "key",
                i[0] + ":" + i[1],
                "sourceSystem",
                batch.system()));
      }
    }
    add(counts, run(tx, "upsert-person-records", recordRows));
    run(tx, "upsert-identifiers", identifierRows);
    long linkStarted = System.nanoTime();
    List<IndexedRecord> newlyLinked = new ArrayList<>();
    Map<String, String> personOf = link(tx, batch, newlyLinked);
    if (log.isDebugEnabled()) {
      log.debug(
          "linking: {} records in {} ms",
          batch.records.size(),
          (System.nanoTime() - linkStarted) / 1_000_000);
    }

    run(tx, "upsert-teams", new ArrayList<>(batch.teams.values()));
    List<String[]> facts = new ArrayList<>();
    List<Rejection> duplicates = new ArrayList<>();
    Set<String> writtenInvolvements = new HashSet<>();
    add(
        counts,
        writeFacts(
            tx,
            "involvements",
            finish(
                batch.involvements,
                jobId,
                r -> personOf.get(r.get("record")),
                "Involvement",
                facts),
            "Involvement",
            duplicates,
            writtenInvolvements));
    add(
        counts,
        writeFacts(
            tx,
            "events",
            finish(batch.events, jobId, r -> personOf.get(r.get("record")), "Event", facts),
            "Event",
            duplicates,
            new HashSet<>()));
    add(
        counts,
        writeFacts(
            tx,
            "placements",
            finish(
                batch.placements,
                jobId,
                r -> personOf.get(batch.recordOfInvolvement.get(r.get("involvement"))),
                "Placement",
                facts),
            "Placement",
            duplicates,
            new HashSet<>()));
    run(tx, "upsert-part-of", batch.partOf);
    add(
        counts,
        writeFacts(
            tx,
            "contacts",
            finish(batch.contacts, jobId, r -> personOf.get(r.get("record")), "Contact", facts),
            "Contact",
            duplicates,
            new HashSet<>()));
    run(tx, "upsert-allocations", batch.allocations);
    for (String type : List.of("PARENT_OF", "CARER_OF", "SIBLING_OF")) {
      List<Map<String, Object>> rows =
          batch.family.stream().filter(f -> type.equals(f.get("type"))).toList();
      run(tx, "upsert-" + type.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), rows);
    }
    // The journeys this batch changed, refreshed in the same commit: those of the children whose
    // involvements it created or changed. Unchanged rows (most of a nightly full extract) leave
    // their child's journey as it was. (A record is linked in the batch that first holds it, and
    // its involvements are new then or later, so linking needs no refresh of its own; merges and
    // unmerges refresh the journeys they move.)
    Set<String> journeys = new TreeSet<>();
    for (Map<String, Object> row : batch.involvements) {
      Staged.PersonRecord record = batch.records.get((String) row.get("record"));
      String child = personOf.get((String) row.get("record"));
      if (child != null
          && (record == null || record.label().equals("Child"))
          && writtenInvolvements.contains((String) row.get("id"))) {
        journeys.add(child);
      }
    }
    long summariesStarted = System.nanoTime();
    JourneySummaries.refresh(tx, journeys);
    if (log.isDebugEnabled()) {
      log.debug(
          "journey summaries: {} children in {} ms",
          journeys.size(),
          (System.nanoTime() - summariesStarted) / 1_000_000);
    }
    return new Written(
        new ImportCounts(0, counts[0], counts[1], counts[2], 0, 0), facts, duplicates, newlyLinked);
  }

  /**
   * Writes one kind of fact: new ones are created in a single pass with their relationships (the
   * fast path of a first load), changed ones are merged and rewritten, unchanged ones and rows
   * older than what is stored are left alone. A key repeated within the batch keeps its last row;
   * the earlier one is reported. The ids of the rows created or changed go to {@code written}.
   */
  private long[] writeFacts(
      TransactionContext tx,
      String name,
      List<Map<String, Object>> rows,
      String label,
      List<Rejection> duplicates,
      Set<String> written) {
    if (rows.isEmpty()) {
      return new long[3];
    }
    long started = System.nanoTime();
    Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> earlier = byId.put((String) row.get("id"), row);
      if (earlier != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) earlier.get("props");
        duplicates.add(
            new Rejection(
                (String) props.get("sourceFile"),
                (String) props.get("sourceRecord"),
                null,
                (String) row.get("id"),
                "the same key appears again later in the extract; the later record is kept"));
      }
    }
    Map<String, Record> existing = new HashMap<>();
    tx.run(
            CypherFile.load("ingest/existing-facts"),
            Map.of("label", label, "ids", new ArrayList<>(byId.keySet())))
        .forEachRemaining(r -> existing.put(r.get("id").asString(), r));
    List<Map<String, Object>> created = new ArrayList<>();
    List<Map<String, Object>> changed = new ArrayList<>();
    long unchanged = 0;
    for (Map<String, Object> row : byId.values()) {
      Record before = existing.get((String) row.get("id"));
      if (before == null) {
        created.add(row);
      } else if (isOlder(row, before.get("changedAt"))
          || (row.get("hash").equals(before.get("hash").asString(null))
              && !before.get("retired").asBoolean())) {
        unchanged++;
      } else {
        changed.add(row);
      }
    }
    if (!created.isEmpty()) {
      tx.run(CypherFile.load("ingest/create-" + name), Map.of("rows", created)).consume();
    }
    if (!changed.isEmpty()) {
      run(tx, "upsert-" + name, changed);
    }
    created.forEach(r -> written.add((String) r.get("id")));
    changed.forEach(r -> written.add((String) r.get("id")));
    if (log.isDebugEnabled()) {
      log.debug(
          "{}: {} new, {} changed, {} unchanged in {} ms",
          name,
          created.size(),
          changed.size(),
          unchanged,
          (System.nanoTime() - started) / 1_000_000);
    }
    return new long[] {created.size(), changed.size(), unchanged};
  }

  /** A delta row older than the stored fact's change time does not overwrite it. */
  private static boolean isOlder(Map<String, Object> row, Value storedChangedAt) {
    @SuppressWarnings("unchecked")
    Object incoming = ((Map<String, Object>) row.get("props")).get("changedAt");
    return incoming instanceof java.time.OffsetDateTime in
        && !storedChangedAt.isNull()
        && in.isBefore(storedChangedAt.asOffsetDateTime());
  }

  private static List<Map<String, Object>> finish(
      List<Map<String, Object>> rows,
      String jobId,
      java.util.function.Function<Map<String, Object>, String> person,
      String label,
      List<String[]> facts) {
    for (Map<String, Object> row : rows) {
      @SuppressWarnings("unchecked")
      Map<String, Object> props = (Map<String, Object>) row.get("props");
      String hash = ContentHash.of(props);
      row.put("hash", hash);
      props.put("contentHash", hash);
      props.put("importJob", jobId);
      String childId = person.apply(row);
      if (childId != null) {
        props.put("childId", childId);
      }
      facts.add(new String[] {label, (String) row.get("id")});
    }
    return rows;
  }

  /**
   * Links every record of the batch to a person: the one it already refers to; else the one that
   * records sharing a strong identifier refer to; else, for a child, the person the matcher finds
   * (docs/linkage.md), or a new person with the candidate pair sent to review; else a new person.
   * Adopted children's records link only through the LA's own child id, never through NHS number or
   * UPN, so pre- and post-adoption records are never joined automatically.
   */
  private Map<String, String> link(
      TransactionContext tx, Staged batch, List<IndexedRecord> newlyLinked) {
    Map<String, String> personOf = new HashMap<>();
    if (batch.records.isEmpty()) {
      return personOf;
    }
    List<Record> found =
        tx.run(
                CypherFile.load("ingest/link-candidates"),
                Map.of("ids", new ArrayList<>(batch.records.keySet())))
            .list();
    Map<String, String> personOfIdentifier = new HashMap<>();
    PersonIndex pending = new PersonIndex();
    List<Map<String, Object>> links = new ArrayList<>();
    List<Map<String, Object>> reviews = new ArrayList<>();
    for (Record f : found) {
      Staged.PersonRecord record = batch.records.get(f.get("id").asString());
      boolean adopted = Boolean.TRUE.equals(record.props().get("adopted"));
      String linked = f.get("linked").asString(null);
      String person;
      String method = "EXACT_IDENTIFIER";
      String status = "CONFIRMED";
      double score = 1.0;
      List<String> evidence = List.of();
      if (linked != null) {
        person = linked;
      } else {
        List<Candidate> candidates = new ArrayList<>();
        for (Value c : f.get("candidates").values()) {
          List<String> schemes = c.get("schemes").asList(Value::asString);
          boolean eitherAdopted = adopted || c.get("adopted").asBoolean();
          List<String> usable =
              schemes.stream()
                  .filter(GraphUpserter::strongScheme)
                  .filter(s -> !eitherAdopted || s.startsWith("LA_CHILD_ID@"))
                  .sorted()
                  .toList();
          if (!usable.isEmpty() && c.get("label").asString().equals(record.label())) {
            candidates.add(new Candidate(c.get("person").asString(), usable));
          }
        }
        candidates.sort(
            Comparator.comparingInt((Candidate c) -> c.schemes().size())
                .reversed()
                .thenComparing(Candidate::id));
        if (!candidates.isEmpty()) {
          person = candidates.get(0).id();
          evidence = candidates.get(0).schemes().stream().map(s -> s + ":EXACT").toList();
          List<String> others = candidates.stream().map(Candidate::id).distinct().skip(1).toList();
          if (!others.isEmpty()) {
            status = "REVIEW";
            method = "EXACT_IDENTIFIER_CONFLICT";
            for (String other : others) {
              reviews.add(
                  review(
                      record.id(),
                      new Decision(
                          Decision.Outcome.REVIEW,
                          other,
                          null,
                          1.0,
                          method,
                          List.of(),
                          "linked to "
                              + person
                              + " by identifier, but another identifier of"
                              + " the record belongs to "
                              + other,
                          null)));
            }
          }
        } else {
          person = sameBatchPerson(record, adopted, personOfIdentifier);
          if (person == null && record.label().equals("Child")) {
            Decision d = match(record, pending);
            if (d.outcome() == Decision.Outcome.LINK) {
              person = d.personId();
              method = d.method();
              status = "AUTO";
              score = d.score();
              evidence = d.evidenceSummary();
              if (d.alsoReview() != null) {
                reviews.add(
                    review(
                        record.id(),
                        new Decision(
                            Decision.Outcome.REVIEW,
                            d.alsoReview(),
                            null,
                            d.score(),
                            d.method(),
                            d.evidence(),
                            "linked to " + person + ": " + d.reason(),
                            null)));
              }
            } else if (d.outcome() == Decision.Outcome.REVIEW) {
              reviews.add(review(record.id(), d));
            }
          }
          if (person == null) {
            person = ContentHash.id(record.label().equals("Child") ? "CJ" : "AJ", record.id());
            method = "NEW_PERSON";
          }
        }
        if (record.label().equals("Child")) {
          IndexedRecord indexed = new IndexedRecord(linkageRecord(record), person);
          pending.add(indexed);
          newlyLinked.add(indexed);
        }
      }
      for (String[] i : record.identifiers()) {
        if (strongScheme(i[0]) && (!adopted || i[0].startsWith("LA_CHILD_ID@"))) {
          personOfIdentifier.putIfAbsent(i[0] + ":" + i[1], person);
        }
      }
      personOf.put(record.id(), person);
      if (linked != null
          && !Boolean.TRUE.equals(record.props().get("adopted"))
          && !Boolean.TRUE.equals(record.props().get("restricted"))) {
        continue; // already linked, nothing to mark on the person: no write, no lock
      }
      Map<String, Object> link =
          Staged.row(
              "record",
              record.id(),
              "person",
              person,
              "label",
              record.label(),
              "method",
              method,
              "status",
              status,
              "props",
              personProps(record.props()));
      link.put("score", score);
      link.put("evidence", evidence);
      links.add(link);
    }
    tx.run(CypherFile.load("ingest/link-records"), Map.of("rows", links)).consume();
    if (!reviews.isEmpty()) {
      tx.run(CypherFile.load("linkage/review-create"), Map.of("rows", reviews)).consume();
    }
    return personOf;
  }

  private Decision match(Staged.PersonRecord record, PersonIndex pending) {
    if (index == null) {
      index = linkage.loadIndex();
    }
    return linkage.linker().decide(new IndexedRecord(linkageRecord(record), null), index, pending);
  }

  private static Map<String, Object> review(String recordId, Decision d) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", ContentHash.id("LR", recordId + "|" + d.personId()));
    row.put("record", recordId);
    row.put("candidate", d.personId());
    row.put("candidateRecord", d.candidateRecordId());
    row.put("score", d.score());
    row.put("method", d.method());
    row.put("reason", d.reason());
    row.put("evidence", d.evidenceSummary());
    return row;
  }

  private static LinkageRecord linkageRecord(Staged.PersonRecord record) {
    Map<String, Object> p = record.props();
    String nhs = null;
    String upn = null;
    for (String[] i : record.identifiers()) {
      if (i[0].equals("NHS")) {
        nhs = i[1];
      } else if (i[0].equals("UPN")) {
        upn = i[1];
      }
    }
    return new LinkageRecord(
        record.id(),
        (String) p.get("system"),
        (String) p.get("givenName"),
        (String) p.get("familyName"),
        p.get("birthDate") instanceof java.time.LocalDate d ? d : null,
        (String) p.get("sex"),
        (String) p.get("postcode"),
        nhs,
        upn,
        Boolean.TRUE.equals(p.get("adopted")),
        Boolean.TRUE.equals(p.get("restricted")));
  }

  private static String sameBatchPerson(
      Staged.PersonRecord record, boolean adopted, Map<String, String> personOfIdentifier) {
    for (String[] i : record.identifiers()) {
      if (strongScheme(i[0]) && (!adopted || i[0].startsWith("LA_CHILD_ID@"))) {
        String p = personOfIdentifier.get(i[0] + ":" + i[1]);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private static final Set<String> PERSON_PROPERTIES =
      Set.of(
          "givenName",
          "familyName",
          "birthDate",
          "expectedBirthDate",
          "sex",
          "ethnicity",
          "deathDate",
          "adopted",
          "restricted");

  private static Map<String, Object> personProps(Map<String, Object> recordProps) {
    Map<String, Object> props = new HashMap<>();
    recordProps.forEach(
        (k, v) -> {
          if (PERSON_PROPERTIES.contains(k)) {
            props.put(k, v);
          }
        });
    return props;
  }

  /** A person sharing strong identifiers with the record, and which. */
  private record Candidate(String id, List<String> schemes) {}

  private static long[] run(TransactionContext tx, String name, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return new long[3];
    }
    long started = System.nanoTime();
    var result = tx.run(CypherFile.load("ingest/" + name), Map.of("rows", rows));
    if (!result.hasNext()) {
      result.consume();
      if (log.isDebugEnabled()) {
        log.debug(
            "{}: {} rows in {} ms", name, rows.size(), (System.nanoTime() - started) / 1_000_000);
      }
      return new long[3];
    }
    Record r = result.single();
    if (log.isDebugEnabled()) {
      log.debug(
          "{}: {} rows in {} ms", name, rows.size(), (System.nanoTime() - started) / 1_000_000);
    }
    if (!r.containsKey("created")) {
      return new long[3];
    }
    return new long[] {
      r.get("created").asLong(), r.get("updated").asLong(), r.get("unchanged").asLong()
    };
  }

  private static void add(long[] total, long[] more) {
    for (int i = 0; i < total.length; i++) {
      total[i] += more[i];
    }
  }

  /** A directory team or worker: its id, name key and (for workers) the teams they belong to. */
  record NamedEntry(String label, String nameKey, String id, List<String> teams) {}

  List<NamedEntry> directoryNames() {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      return session.executeRead(
          tx ->
              tx.run(CypherFile.load("ingest/directory-names"))
                  .list(
                      r ->
                          new NamedEntry(
                              r.get("label").asString(),
                              r.get("nameKey").asString(),
                              r.get("id").asString(),
                              r.get("teams").asList(v -> v.asString()))));
    }
  }
}
