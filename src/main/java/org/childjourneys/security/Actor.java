package org.childjourneys.security;

/**
 * Who is asking: the signed-in user's name (as written to the audit trail), role, team (null when
 * the user has none, e.g. an analyst) and the local authority they work for (its ONS code, e.g.
 * E06000001; null when the deployment names no authority: then everyone is of the one authority the
 * graph holds). See docs/security.md, "Several authorities in one graph".
 */
public record Actor(String name, Role role, String team, String authority) {

  /** An actor of the deployment's own authority. */
  public Actor(String name, Role role, String team) {
    this(name, role, team, null);
  }
}
