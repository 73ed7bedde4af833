package org.childjourneys.security;

/**
 * The personas of the service, as roles. What each may see is decided by role and by the purpose a
 * request states (docs/security.md).
 */
public enum Role {
  /** Triage at the front door (MASH): contacts and referrals, any child, with a purpose. */
  FRONT_DOOR,
  /** Social workers and early help practitioners: the children they or their team work with. */
  FRONTLINE,
  /** Team managers: their team's caseload with real numbers. */
  MANAGER,
  /** Performance and intelligence analysts: aggregates and pseudonyms only. */
  ANALYST,
  /** Heads of service and directors: aggregates only. */
  LEADER,
  /** Quality assurance and audit: sampled case lists under an AUDIT purpose. */
  QUALITY_ASSURANCE,
  /** Administrators: imports, users, the audit trail. */
  ADMIN;

  /** The Spring Security authority name. */
  public String authority() {
    return "ROLE_" + name();
  }
}
