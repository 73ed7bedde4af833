package org.childjourneys.disclosure;

import java.util.Objects;
import org.childjourneys.security.Actor;
import org.childjourneys.security.Role;

/**
 * Who an aggregate is shown to, which decides whether small numbers are suppressed. Only a team
 * manager looking at their own team's caseload sees real numbers: they already manage (and may read
 * the records of) those children, so a count of 3 tells them nothing new, and they need it to
 * allocate work. Everyone else gets suppressed numbers: roles without record-level access
 * (analysts, leaders), staff looking beyond their own team, and anything that leaves the service
 * (exports, publications).
 */
public enum Audience {
  /** A manager reading their own team's caseload: real numbers. */
  OWN_TEAM_MANAGER(true),
  /** Staff with record-level access looking beyond their own team (or at service-wide figures). */
  STAFF(false),
  /** Analysts and leaders: aggregates and pseudonyms only, never record-level access. */
  NO_RECORD_ACCESS(false),
  /** Exports and publications: whoever ends up reading them. */
  PUBLICATION(false);

  private final boolean realNumbers;

  Audience(boolean realNumbers) {
    this.realNumbers = realNumbers;
  }

  public boolean seesRealNumbers() {
    return realNumbers;
  }

  /** The audience of a team's figures: the actor, asking about the team with this id. */
  public static Audience ofTeam(Actor actor, String teamId) {
    if (actor.role() == Role.MANAGER
        && actor.team() != null
        && Objects.equals(actor.team(), teamId)) {
      return OWN_TEAM_MANAGER;
    }
    return of(actor);
  }

  /** The audience of authority-wide figures (no team of the actor's own in them). */
  public static Audience of(Actor actor) {
    return switch (actor.role()) {
      case ANALYST, LEADER -> NO_RECORD_ACCESS;
      default -> STAFF;
    };
  }
}
