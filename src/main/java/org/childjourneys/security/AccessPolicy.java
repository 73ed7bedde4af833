package org.childjourneys.security;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may read which child's record, and how much of it. Three layers, documented in
 * docs/security.md: the role x purpose table; record-level rules (casework purposes open only
 * children the reader's team works or worked with, PRACTICE_LEARNING opens outcomes only, a
 * restricted record is hidden unless the reader's team works with the child); and the sharing
 * rules, which decide per service what the grant shows. In a graph holding several local
 * authorities' data, a child only other authorities know is refused, and other authorities' records
 * show only for the cross-authority purposes ({@link Authorities}). Analysts and leaders work on
 * aggregates; administrators run the service and do not read records.
 */
@Component
public class AccessPolicy {

  /** Purposes that open only children the reader's team is or was involved with. */
  private static final Set<Purpose> CASELOAD_PURPOSES =
      EnumSet.of(Purpose.OPEN_CASE, Purpose.PRACTICE_LEARNING);

  private final SharingRules sharing;
  private final Authorities authorities;

  public AccessPolicy(SharingRules sharing, Authorities authorities) {
    this.sharing = sharing;
    this.authorities = authorities;
  }

  private static final Map<Role, Set<Purpose>> RECORD_PURPOSES = new EnumMap<>(Role.class);

  static {
    RECORD_PURPOSES.put(
        Role.FRONT_DOOR,
        EnumSet.of(Purpose.REFERRAL_TRIAGE, Purpose.SECTION_47, Purpose.SAFEGUARDING));
    RECORD_PURPOSES.put(
        Role.FRONTLINE,
        EnumSet.of(
            Purpose.OPEN_CASE,
            Purpose.SECTION_47,
            Purpose.SAFEGUARDING,
            Purpose.EARLY_HELP_ASSESSMENT,
            Purpose.PRACTICE_LEARNING));
    RECORD_PURPOSES.put(
        Role.MANAGER,
        EnumSet.of(
            Purpose.OPEN_CASE,
            Purpose.SECTION_47,
            Purpose.SAFEGUARDING,
            Purpose.EARLY_HELP_ASSESSMENT,
            Purpose.PRACTICE_LEARNING,
            Purpose.AUDIT));
    RECORD_PURPOSES.put(Role.QUALITY_ASSURANCE, EnumSet.of(Purpose.AUDIT, Purpose.DATA_QUALITY));
    RECORD_PURPOSES.put(Role.ANALYST, EnumSet.noneOf(Purpose.class));
    RECORD_PURPOSES.put(Role.LEADER, EnumSet.noneOf(Purpose.class));
    RECORD_PURPOSES.put(Role.ADMIN, EnumSet.noneOf(Purpose.class));
  }

  /** Whether this actor's role reads children's records for this purpose at all. */
  public boolean mayReadRecord(Actor actor, Purpose purpose) {
    return RECORD_PURPOSES.getOrDefault(actor.role(), Set.of()).contains(purpose);
  }

  /**
   * The grant to read this child's record, or empty when refused (which the caller must answer
   * exactly like a missing child).
   */
  public Optional<Grant> decide(Actor actor, Purpose purpose, ChildAccessFacts child) {
    if (!mayReadRecord(actor, purpose)) {
      return Optional.empty();
    }
    if (child.restricted() && !child.teamInvolved()) {
      return Optional.empty(); // sealed, adopted or refuge: only the team working with the child
    }
    if (CASELOAD_PURPOSES.contains(purpose) && !child.teamInvolved()) {
      return Optional.empty();
    }
    if (child.otherAuthoritiesOnly()) {
      return Optional.empty(); // known only to other authorities: not found, whatever the purpose
    }
    Grant.Scope scope =
        purpose == Purpose.PRACTICE_LEARNING ? Grant.Scope.OUTCOMES_ONLY : Grant.Scope.FULL;
    return Optional.of(
        new Grant(
            actor,
            purpose,
            scope,
            sharing.decide(actor.role(), purpose, child.consents()),
            ownership(actor, purpose)));
  }

  /** Which authorities' records a read by this actor for this purpose shows. */
  public Grant.Ownership ownership(Actor actor, Purpose purpose) {
    return new Grant.Ownership(
        authorities.of(actor),
        authorities.home(),
        authorities.sharedAcross(purpose),
        String.join(", ", authorities.crossAuthorityPurposes().stream().map(Enum::name).toList()));
  }

  /**
   * The parameters the access queries need to tell the reader's authority's children from those
   * only other authorities know: {@code authority} (the reader's) and {@code home} (the owner of
   * records whose source system has none recorded).
   */
  public java.util.Map<String, Object> authorityParameters(Actor actor) {
    return java.util.Map.of("authority", authorities.of(actor), "home", authorities.home());
  }

  static Set<Purpose> recordPurposes(Role role) {
    return RECORD_PURPOSES.getOrDefault(role, Set.of());
  }
}
