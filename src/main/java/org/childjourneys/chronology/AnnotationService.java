package org.childjourneys.chronology;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.childjourneys.InvalidInputException;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.Grant;
import org.childjourneys.security.Purpose;
import org.childjourneys.security.RecordAccess;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practitioners' annotations of a child's chronology: flags on imported facts, notes, confirmed
 * contact details. Attributed and audited, kept apart from imported facts so re-imports leave them
 * alone. Writing one needs the same grant as reading the whole record for the stated purpose.
 */
@Service
class AnnotationService {

  static final int MAX_TEXT = 4000;

  /** An annotation as saved. */
  record Annotation(
      String id,
      String childId,
      String kind,
      String itemId,
      String flag,
      String text,
      LocalDate date,
      String professionalId,
      String email,
      String phone,
      String by,
      String role,
      OffsetDateTime at) {}

  private final Neo4jClient neo4j;
  private final RecordAccess access;
  private final AuditTrail trail;

  AnnotationService(Neo4jClient neo4j, RecordAccess access, AuditTrail trail) {
    this.neo4j = neo4j;
    this.access = access;
    this.trail = trail;
  }

  @Transactional
  public Annotation flag(
      Actor actor, Purpose purpose, String childId, String itemId, String flag, String reason) {
    Grant grant = grant(actor, purpose, childId, "flag " + flag + " on " + itemId);
    text("reason", reason, false);
    boolean visibleFact =
        neo4j
            .query(CypherFile.load("chronology/item-of-child"))
            .bindAll(Map.of("childId", childId, "itemId", itemId))
            .fetchAs(Boolean.class)
            .mappedBy(
                (types, r) ->
                    grant.shows(r.get("service").asString(null), r.get("owner").asString(null)))
            .one()
            .orElse(false);
    if (!visibleFact) { // a fact the sharing rules withhold is not confirmed to exist either
      throw new InvalidInputException(
          "itemId", "'" + itemId + "' is not a contact, involvement or event of this child");
    }
    return save(grant, childId, "FLAG", Map.of("itemId", itemId, "flag", flag), reason);
  }

  @Transactional
  public Annotation note(
      Actor actor, Purpose purpose, String childId, LocalDate date, String text) {
    Grant grant = grant(actor, purpose, childId, "note dated " + date);
    text("text", text, true);
    if (date.isAfter(LocalDate.now())) {
      throw new InvalidInputException("date", "in the future (" + date + ")");
    }
    return save(grant, childId, "NOTE", Map.of("date", date), text);
  }

  @Transactional
  public Annotation confirmContact(
      Actor actor,
      Purpose purpose,
      String childId,
      String professionalId,
      String email,
      String phone) {
    Grant grant = grant(actor, purpose, childId, "contact details of " + professionalId);
    if ((email == null || email.isBlank()) && (phone == null || phone.isBlank())) {
      throw new InvalidInputException("email", "give an email address, a phone number or both");
    }
    Map<String, Object> details = new HashMap<>();
    details.put("professionalId", professionalId);
    if (email != null && !email.isBlank()) {
      if (!email.strip().matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,24}")) {
        throw new InvalidInputException("email", "'" + email.strip() + "' is not an email address");
      }
      details.put("email", email.strip());
    }
    if (phone != null && !phone.isBlank()) {
      if (!phone.strip().matches("\\+?[0-9 ()-]{6,24}")) {
        throw new InvalidInputException("phone", "'" + phone.strip() + "' is not a phone number");
      }
      details.put("phone", phone.strip());
    }
    boolean allocated =
        neo4j
            .query(CypherFile.load("chronology/professional-of-child"))
            .bindAll(Map.of("childId", childId, "professionalId", professionalId))
            .fetch()
            .one()
            .isPresent();
    if (!allocated) {
      throw new InvalidInputException(
          "professionalId",
          "'" + professionalId + "' is not allocated to this child's involvements");
    }
    return save(grant, childId, "CONTACT_CONFIRMED", details, null);
  }

  /**
   * The grant to change this child's record. The attempt is written to the audit trail at once,
   * before anything changes (a change never exists without its entry). A refusal reads like a
   * missing child, as for reads.
   */
  private Grant grant(Actor actor, Purpose purpose, String childId, String what) {
    var grant = access.grant(actor, purpose, childId).filter(Grant::full);
    trail.record(
        java.util.List.of(
            new AuditTrail.Access(
                actor, purpose, "ANNOTATE", childId, what, grant.isPresent(), grant.isPresent())));
    return grant.orElseThrow(
        () -> new InvalidInputException("childId", "no child '" + childId + "' to annotate"));
  }

  private static void text(String field, String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, "must not be empty");
      }
      return;
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(
          field, "at most " + MAX_TEXT + " characters, was " + text.length());
    }
  }

  private Annotation save(
      Grant grant, String childId, String kind, Map<String, Object> details, String text) {
    Actor actor = grant.actor();
    Purpose purpose = grant.purpose();
    Map<String, Object> a = new HashMap<>(details);
    if (!grant.ownership().reader().isEmpty()) {
      a.put("authority", grant.ownership().reader()); // the writer's authority owns the note
    }
    a.put("id", "A-" + UUID.randomUUID());
    a.put("childId", childId);
    a.put("kind", kind);
    if (text != null && !text.isBlank()) {
      a.put("text", text.strip());
    }
    a.put("by", actor.name());
    a.put("role", actor.role().name());
    a.put("purpose", purpose.name());
    a.put("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    return neo4j
        .query(CypherFile.load("chronology/annotation-create"))
        .bind(a)
        .to("annotation")
        .fetchAs(Annotation.class)
        .mappedBy(
            (types, r) -> {
              var v = r.get("annotation");
              return new Annotation(
                  v.get("id").asString(),
                  v.get("childId").asString(),
                  v.get("kind").asString(),
                  v.get("itemId").asString(null),
                  v.get("flag").asString(null),
                  v.get("text").asString(null),
                  v.get("date").isNull() ? null : v.get("date").asLocalDate(),
                  v.get("professionalId").asString(null),
                  v.get("email").asString(null),
                  v.get("phone").asString(null),
                  v.get("by").asString(),
                  v.get("role").asString(),
                  v.get("at").asOffsetDateTime());
            })
        .one()
        .orElseThrow();
  }
}
