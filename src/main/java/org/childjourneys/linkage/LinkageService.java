package org.childjourneys.linkage;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourneys.InvalidInputException;
import org.childjourneys.graphql.PageSize;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.neo4j.JourneySummaries;
import org.childjourneys.security.AccessPolicy;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.Purpose;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow over the matcher's uncertain pairs, and merging and unmerging people. A merge
 * re-points records, never facts, and keeps each record's old link so an unmerge restores the graph
 * exactly (docs/linkage.md). Reviewers work for the DATA_QUALITY purpose; every pair shown and
 * every change is written to the audit trail for both children, changes before they are made.
 */
@Service
public class LinkageService {

  /** A record as a reviewer sees it: the fields that identify a child. */
  public record ReviewedRecord(
      String id,
      String system,
      String givenName,
      String familyName,
      java.time.LocalDate birthDate,
      String sex,
      String postcode,
      String nhsNumber,
      String upn) {}

  /** One field compared, both values side by side. */
  public record Evidence(
      String field, String level, double weight, String incoming, String existing) {}

  /** A candidate pair and its decision. */
  public record Review(
      String id,
      String status,
      double score,
      String method,
      String reason,
      OffsetDateTime createdAt,
      String recordPersonId,
      String candidateId,
      ReviewedRecord record,
      ReviewedRecord candidateRecord,
      List<Evidence> evidence,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionReason,
      String mergeId) {}

  public record ReviewPage(List<Review> nodes, String endCursor, boolean hasNextPage) {}

  /** A merge of one child into another, and its undoing. */
  public record Merge(
      String id,
      String keptId,
      String absorbedId,
      List<String> recordIds,
      String by,
      OffsetDateTime at,
      String reason,
      String undoneBy,
      OffsetDateTime undoneAt,
      String undoReason) {}

  private final Neo4jClient neo4j;
  private final AccessPolicy policy;
  private final AuditTrail trail;

  LinkageService(Neo4jClient neo4j, AccessPolicy policy, AuditTrail trail) {
    this.neo4j = neo4j;
    this.policy = policy;
    this.trail = trail;
  }

  @Transactional(readOnly = true)
  public ReviewPage reviews(
      Actor actor, Purpose purpose, String status, int first, String after, AuditBatch audit) {
    require(actor, purpose);
    PageSize.check("first", first);
    if (!List.of("PENDING", "ACCEPTED", "REJECTED").contains(status)) {
      throw new InvalidInputException("status", "PENDING, ACCEPTED or REJECTED, was " + status);
    }
    Map<String, Object> params = new HashMap<>();
    params.put("status", status);
    params.put("limit", first + 1);
    params.put("afterCreatedAt", null);
    params.put("afterId", null);
    if (after != null) {
      int bar = after.indexOf('|');
      try {
        params.put("afterCreatedAt", ZonedDateTime.parse(after.substring(0, bar)));
        params.put("afterId", after.substring(bar + 1));
      } catch (RuntimeException e) {
        throw new InvalidInputException(
            "after", "not a cursor this query returned: '" + after + "'");
      }
    }
    List<Review> found =
        new ArrayList<>(
            neo4j
                .query(CypherFile.load("linkage/reviews"))
                .bindAll(params)
                .fetchAs(Review.class)
                .mappedBy((t, r) -> review(r.get("review"), r.get("recordPersonId"), r))
                .all());
    boolean more = found.size() > first;
    List<Review> page = more ? found.subList(0, first) : found;
    for (Review q : page) {
      for (String child : new String[] {q.recordPersonId(), q.candidateId()}) {
        if (child != null) {
          audit.add(
              new AuditTrail.Access(
                  actor, purpose, "READ", child, "link review " + q.id(), true, true));
        }
      }
    }
    Review last = page.isEmpty() ? null : page.get(page.size() - 1);
    return new ReviewPage(
        List.copyOf(page),
        last == null ? null : last.createdAt().toZonedDateTime() + "|" + last.id(),
        more);
  }

  /** The reviewer agrees: the record's person and the candidate are one child; merged. */
  @Transactional
  public Merge accept(Actor actor, Purpose purpose, String reviewId, String reason) {
    Review q = pending(actor, purpose, reviewId);
    if (q.recordPersonId() == null || q.recordPersonId().equals(q.candidateId())) {
      throw new InvalidInputException(
          "id", "the record of review " + reviewId + " already refers to " + q.candidateId());
    }
    Merge m = merge(actor, purpose, q.candidateId(), q.recordPersonId(), reason);
    decide(q.id(), "ACCEPTED", actor, reason, m.id());
    return m;
  }

  /** The reviewer disagrees: they are different children; the record stays where it is. */
  @Transactional
  public Review reject(Actor actor, Purpose purpose, String reviewId, String reason) {
    Review q = pending(actor, purpose, reviewId);
    text("reason", reason);
    trail.record(
        List.of(
            access(actor, purpose, "LINK_REVIEW", q.recordPersonId(), "rejected " + q.id()),
            access(actor, purpose, "LINK_REVIEW", q.candidateId(), "rejected " + q.id())));
    decide(q.id(), "REJECTED", actor, reason, null);
    return byId(q.id());
  }

  @Transactional
  public Merge merge(Actor actor, Purpose purpose, String keepId, String absorbId, String reason) {
    require(actor, purpose);
    text("reason", reason);
    if (keepId.equals(absorbId)) {
      throw new InvalidInputException("absorbId", "a child cannot be merged into themselves");
    }
    Map<String, Map<String, Object>> people = new HashMap<>();
    neo4j
        .query(CypherFile.load("linkage/people-for-merge"))
        .bind(List.of(keepId, absorbId))
        .to("ids")
        .fetch()
        .all()
        .forEach(row -> people.put((String) row.get("id"), row));
    for (String[] side : new String[][] {{"keepId", keepId}, {"absorbId", absorbId}}) {
      Map<String, Object> p = people.get(side[1]);
      if (!Boolean.TRUE.equals(p.get("found"))) {
        throw new InvalidInputException(side[0], "no child '" + side[1] + "'");
      }
      if (p.get("mergedInto") != null) {
        throw new InvalidInputException(
            side[0], "'" + side[1] + "' was merged into " + p.get("mergedInto"));
      }
      if (Boolean.TRUE.equals(p.get("adopted"))
          || Boolean.TRUE.equals(p.get("restricted"))
          || ((Number) p.get("protectedRecords")).longValue() > 0) {
        throw new InvalidInputException(
            side[0],
            "'"
                + side[1]
                + "' is adopted or restricted: such records are never linked to another person");
      }
    }
    if (((Number) people.get(absorbId).get("records")).longValue() == 0) {
      throw new InvalidInputException("absorbId", "'" + absorbId + "' has no records to move");
    }
    String mergeId = "MG-" + UUID.randomUUID();
    trail.record(
        List.of(
            access(actor, purpose, "MERGE", keepId, mergeId + ": absorbs " + absorbId),
            access(actor, purpose, "MERGE", absorbId, mergeId + ": merged into " + keepId)));
    Map<String, Object> params = new HashMap<>();
    params.put("mergeId", mergeId);
    params.put("keep", keepId);
    params.put("absorb", absorbId);
    params.put("by", actor.name());
    params.put("role", actor.role().name());
    params.put("reason", reason.strip());
    Merge merged =
        neo4j
            .query(CypherFile.load("linkage/merge"))
            .bindAll(params)
            .fetchAs(Merge.class)
            .mappedBy((t, r) -> merge(r.get("merge")))
            .one()
            .orElseThrow();
    // The absorbed child's involvements are now the kept child's: both journeys change.
    JourneySummaries.refresh(neo4j, List.of(keepId, absorbId));
    return merged;
  }

  @Transactional
  public Merge unmerge(Actor actor, Purpose purpose, String mergeId, String reason) {
    require(actor, purpose);
    text("reason", reason);
    Map<String, Object> found =
        neo4j
            .query(CypherFile.load("linkage/merge-by-id"))
            .bind(mergeId)
            .to("mergeId")
            .fetch()
            .one()
            .orElseThrow(() -> new InvalidInputException("mergeId", "no merge '" + mergeId + "'"));
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) found.get("merge");
    if (m.get("undoneAt") != null) {
      throw new InvalidInputException("mergeId", "'" + mergeId + "' was already undone");
    }
    List<?> records = (List<?>) m.get("recordIds");
    long still = ((Number) found.get("stillMerged")).longValue();
    if (still != records.size()) {
      throw new InvalidInputException(
          "mergeId",
          (records.size() - still)
              + " of its records have been merged again since; undo the later merges of "
              + m.get("keptId")
              + " first");
    }
    trail.record(
        List.of(
            access(actor, purpose, "UNMERGE", (String) m.get("keptId"), mergeId + " undone"),
            access(actor, purpose, "UNMERGE", (String) m.get("absorbedId"), mergeId + " undone")));
    Map<String, Object> params = new HashMap<>();
    params.put("mergeId", mergeId);
    params.put("by", actor.name());
    params.put("reason", reason.strip());
    Merge undone =
        neo4j
            .query(CypherFile.load("linkage/unmerge"))
            .bindAll(params)
            .fetchAs(Merge.class)
            .mappedBy((t, r) -> merge(r.get("merge")))
            .one()
            .orElseThrow();
    // A pair accepted by this merge is now rejected, so the queue does not offer it again.
    neo4j.query(CypherFile.load("linkage/review-merge-undone")).bindAll(params).run();
    JourneySummaries.refresh(
        neo4j, List.of((String) m.get("keptId"), (String) m.get("absorbedId")));
    return undone;
  }

  @Transactional(readOnly = true)
  public List<Merge> merges(Actor actor, Purpose purpose, String personId, AuditBatch audit) {
    require(actor, purpose);
    audit.add(access(actor, purpose, "READ", personId, "merges"));
    return List.copyOf(
        neo4j
            .query(CypherFile.load("linkage/merges-of-person"))
            .bind(personId)
            .to("personId")
            .fetchAs(Merge.class)
            .mappedBy((t, r) -> merge(r.get("merge")))
            .all());
  }

  private void require(Actor actor, Purpose purpose) {
    if (purpose != Purpose.DATA_QUALITY || !policy.mayReadRecord(actor, purpose)) {
      throw new AccessDeniedException(
          "record linkage review needs the DATA_QUALITY purpose and a role allowed it");
    }
  }

  private Review pending(Actor actor, Purpose purpose, String reviewId) {
    require(actor, purpose);
    Review q = byId(reviewId);
    if (!q.status().equals("PENDING")) {
      throw new InvalidInputException(
          "id", "review " + reviewId + " was already decided (" + q.status() + ")");
    }
    return q;
  }

  private Review byId(String reviewId) {
    return neo4j
        .query(CypherFile.load("linkage/review-by-id"))
        .bind(reviewId)
        .to("id")
        .fetchAs(Review.class)
        .mappedBy((t, r) -> review(r.get("review"), r.get("recordPersonId"), null))
        .one()
        .orElseThrow(() -> new InvalidInputException("id", "no review '" + reviewId + "'"));
  }

  private void decide(String id, String status, Actor actor, String reason, String mergeId) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    params.put("status", status);
    params.put("by", actor.name());
    params.put("reason", reason.strip());
    params.put("mergeId", mergeId);
    neo4j.query(CypherFile.load("linkage/review-decide")).bindAll(params).run();
  }

  private static AuditTrail.Access access(
      Actor actor, Purpose purpose, String action, String child, String what) {
    return new AuditTrail.Access(actor, purpose, action, child, what, true, child != null);
  }

  private static void text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "say why (it is kept with the decision)");
    }
    if (value.length() > 2000) {
      throw new InvalidInputException(field, "at most 2000 characters, was " + value.length());
    }
  }

  private static Review review(Value q, Value recordPersonId, org.neo4j.driver.Record row) {
    ReviewedRecord record = row == null ? null : reviewed(row.get("record"));
    ReviewedRecord candidate = row == null ? null : reviewed(row.get("candidateRecord"));
    List<Evidence> evidence = new ArrayList<>();
    for (String e : q.get("evidence").asList(Value::asString, List.of())) {
      String[] parts = e.split(":", 3);
      evidence.add(
          new Evidence(
              parts[0],
              parts[1],
              Double.parseDouble(parts[2]),
              field(record, parts[0]),
              field(candidate, parts[0])));
    }
    return new Review(
        q.get("id").asString(),
        q.get("status").asString(),
        q.get("score").asDouble(),
        q.get("method").asString(null),
        q.get("reason").asString(null),
        q.get("createdAt").asOffsetDateTime(),
        recordPersonId.asString(null),
        q.get("candidateId").asString(null),
        record,
        candidate,
        evidence,
        q.get("decidedBy").asString(null),
        q.get("decidedAt").isNull() ? null : q.get("decidedAt").asOffsetDateTime(),
        q.get("decisionReason").asString(null),
        q.get("mergeId").asString(null));
  }

  private static ReviewedRecord reviewed(Value v) {
    if (v.isNull()) {
      return null;
    }
    return new ReviewedRecord(
        v.get("id").asString(),
        v.get("system").asString(null),
        v.get("givenName").asString(null),
        v.get("familyName").asString(null),
        v.get("birthDate").isNull() ? null : v.get("birthDate").asLocalDate(),
        v.get("sex").asString(null),
        v.get("postcode").asString(null),
        v.get("nhsNumber").asString(null),
        v.get("upn").asString(null));
  }

  private static String field(ReviewedRecord r, String field) {
    if (r == null) {
      return null;
    }
    Object value =
        switch (field) {
          case "givenName" -> r.givenName();
          case "familyName" -> r.familyName();
          case "birthDate" -> r.birthDate();
          case "sex" -> r.sex();
          case "postcode" -> r.postcode();
          case "nhsNumber" -> r.nhsNumber();
          case "upn" -> r.upn();
          default -> null;
        };
    return value == null ? null : value.toString();
  }

  private static Merge merge(Value m) {
    return new Merge(
        m.get("id").asString(),
        m.get("keptId").asString(),
        m.get("absorbedId").asString(),
        m.get("recordIds").asList(Value::asString),
        m.get("by").asString(),
        m.get("at").asOffsetDateTime(),
        m.get("reason").asString(null),
        m.get("undoneBy").asString(null),
        m.get("undoneAt").isNull() ? null : m.get("undoneAt").asOffsetDateTime(),
        m.get("undoReason").asString(null));
  }
}
