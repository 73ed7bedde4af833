package org.childjourneys.security;

import java.util.Map;

/**
 * Permission to read one child's record, decided once per request by {@link AccessPolicy}: who,
 * why, how much of the record ({@link Scope}), what the sharing rules decided per service, and
 * which authorities' records it shows ({@link Ownership}). Every field of a child's record is read
 * through a grant, so no part of it escapes the decision.
 */
public record Grant(
    Actor actor,
    Purpose purpose,
    Scope scope,
    Map<String, SharingRules.Decision> sharing,
    Ownership ownership) {

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

  /**
   * Which local authorities' records the grant shows: always the reader's own; other authorities'
   * only for the cross-authority purposes (docs/security.md, "Several authorities in one graph").
   *
   * @param reader the reader's authority ("" when the deployment names none)
   * @param home the deployment's own authority, owner of every record no other owner is recorded
   *     for ("" when none is configured)
   * @param sharedAcross whether the purpose opens other authorities' records
   * @param purposes the cross-authority purposes, for the reason given when withheld
   */
  public record Ownership(String reader, String home, boolean sharedAcross, String purposes) {

    /** The authority owning a record whose source system's recorded owner is this (or null). */
    public String owner(String recorded) {
      String c = Authorities.normalise(recorded);
      return c.isEmpty() ? home : c;
    }

    /** Whether facts owned by this authority (as recorded, null: the deployment's own) show. */
    public boolean shows(String recorded) {
      return sharedAcross || owner(recorded).equals(reader);
    }

    /** Why another authority's facts are withheld from this read. */
    public String reason(String recorded) {
      String owner = owner(recorded);
      return "Held by "
          + (owner.isEmpty() ? "the host authority" : owner)
          + ": records of another local authority are shared only for "
          + purposes;
    }
  }

  /** Whether facts from this service may be shown (sharing rules and consent). */
  public boolean shows(String service) {
    SharingRules.Decision d = sharing.get(service);
    return d == null || d.shown();
  }

  /**
   * Whether a fact from this service, owned by this authority (as its source system records it;
   * null: the deployment's own), may be shown: the sharing rules and the authority rule.
   */
  public boolean shows(String service, String owner) {
    return shows(service) && ownership.shows(owner);
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
