package org.childjourneys.security;

import java.util.Map;

/**
 * Permission to read one child's record, decided once per request by {@link AccessPolicy}: who,
 * why, how much of the record ({@link Scope}), and what the sharing rules decided per service.
 * Every field of a child's record is read through a grant, so no part of it escapes the decision.
 */
public record Grant(
    Actor actor, Purpose purpose, Scope scope, Map<String, SharingRules.Decision> sharing) {

  /** How much of the record the grant opens. */
  public enum Scope {
    /** The whole record. */
    FULL,
    /**
     * What happened next, for a former worker (PRACTICE_LEARNING): involvements and outcomes only,
     * no family, no contact details, no notes.
     */
    OUTCOMES_ONLY
  }

  /** Whether facts from this service may be shown (sharing rules and consent). */
  public boolean shows(String service) {
    SharingRules.Decision d = sharing.get(service);
    return d == null || d.shown();
  }

  /** Why facts from a service are withheld, or null when they are shown. */
  public SharingRules.Decision withheld(String service) {
    SharingRules.Decision d = sharing.get(service);
    return d == null || d.shown() ? null : d;
  }

  /**
   * Whether facts from this service are shared without anyone's consent: what may be shown of a
   * relative's record (the child's consent does not cover their relatives).
   */
  public boolean sharesWithoutConsent(String service) {
    SharingRules.Decision d = sharing.get(service);
    return d == null || d.access() == SharingRules.Access.SHARE;
  }

  public boolean full() {
    return scope == Scope.FULL;
  }
}
