package org.childjourneys.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.childjourneys.InvalidInputException;
import org.childjourneys.neo4j.CypherFile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent to information sharing, given or withdrawn, per person, service and scope. Each decision
 * is a new node (the history stays); the latest counts, and reads look it up every time, so a
 * withdrawal takes effect with the very next read.
 */
@Service
public class ConsentRegister {

  public record Consent(
      String id,
      String personId,
      String service,
      String scope,
      boolean given,
      OffsetDateTime at,
      String recordedBy,
      String note) {}

  private final Neo4jClient neo4j;
  private final RecordAccess access;
  private final AuditTrail trail;

  ConsentRegister(Neo4jClient neo4j, RecordAccess access, AuditTrail trail) {
    this.neo4j = neo4j;
    this.access = access;
    this.trail = trail;
  }

  @Transactional
  public Consent record(
      Actor actor,
      Purpose purpose,
      String childId,
      String service,
      String scope,
      boolean given,
      String note) {
    boolean allowed = access.grant(actor, purpose, childId).filter(Grant::full).isPresent();
    // written at once, before the change: a consent decision never exists without its entry
    trail.record(
        java.util.List.of(
            new AuditTrail.Access(
                actor,
                purpose,
                "CONSENT",
                childId,
                (given ? "consent given: " : "consent withdrawn: ") + service,
                allowed,
                allowed)));
    if (!allowed) {
      throw new InvalidInputException(
          "childId", "no child '" + childId + "' to record consent for");
    }
    if (!SharingRules.SERVICES.contains(service)) {
      throw new InvalidInputException(
          "service", "'" + service + "' is not one of " + SharingRules.SERVICES);
    }
    String theScope = scope == null || scope.isBlank() ? SharingRules.CONSENT_SCOPE : scope.strip();
    if (!theScope.matches("[A-Z_]{1,40}")) {
      throw new InvalidInputException(
          "scope", "upper-case letters and _ only, was '" + theScope + "'");
    }
    if (note != null && note.length() > 2000) {
      throw new InvalidInputException("note", "at most 2000 characters, was " + note.length());
    }
    Map<String, Object> consent = new HashMap<>();
    consent.put("id", "CONSENT-" + UUID.randomUUID());
    consent.put("personId", childId);
    consent.put("service", service);
    consent.put("scope", theScope);
    consent.put("given", given);
    consent.put("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    consent.put("recordedBy", actor.name());
    consent.put("role", actor.role().name());
    consent.put("purpose", purpose.name());
    if (note != null && !note.isBlank()) {
      consent.put("note", note.strip());
    }
    neo4j.query(CypherFile.load("security/consent-record")).bind(consent).to("consent").run();
    return new Consent(
        (String) consent.get("id"),
        childId,
        service,
        theScope,
        given,
        (OffsetDateTime) consent.get("at"),
        actor.name(),
        (String) consent.get("note"));
  }
}
