package org.childjourneys.security;

/**
 * Who is asking: the signed-in user's name (as written to the audit trail), role and team (null
 * when the user has none, e.g. an analyst).
 */
public record Actor(String name, Role role, String team) {}
