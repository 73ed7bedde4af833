package org.childjourneys.security;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which purposes let each role read a child's whole record. Analysts and leaders work on
 * aggregates; administrators run the service and do not read records. PRACTICE_LEARNING (outcomes
 * only, for former workers) and team-based rules come with the record-level rules; until then they
 * do not open a record. The table is in docs/security.md.
 */
@Component
public class AccessPolicy {

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
            Purpose.EARLY_HELP_ASSESSMENT));
    RECORD_PURPOSES.put(
        Role.MANAGER,
        EnumSet.of(
            Purpose.OPEN_CASE,
            Purpose.SECTION_47,
            Purpose.SAFEGUARDING,
            Purpose.EARLY_HELP_ASSESSMENT,
            Purpose.AUDIT));
    RECORD_PURPOSES.put(Role.QUALITY_ASSURANCE, EnumSet.of(Purpose.AUDIT));
    RECORD_PURPOSES.put(Role.ANALYST, EnumSet.noneOf(Purpose.class));
    RECORD_PURPOSES.put(Role.LEADER, EnumSet.noneOf(Purpose.class));
    RECORD_PURPOSES.put(Role.ADMIN, EnumSet.noneOf(Purpose.class));
  }

  /** Whether this actor may read a child's record for this purpose. */
  public boolean mayReadRecord(Actor actor, Purpose purpose) {
    return RECORD_PURPOSES.getOrDefault(actor.role(), Set.of()).contains(purpose);
  }

  static Set<Purpose> recordPurposes(Role role) {
    return RECORD_PURPOSES.getOrDefault(role, Set.of());
  }
}
