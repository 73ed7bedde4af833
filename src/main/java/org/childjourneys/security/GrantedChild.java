package org.childjourneys.security;

/**
 * A child whose record the current request may read: only {@link AccessPolicy} creates grants, and
 * every part of a child's record is resolved from one of these.
 */
public interface GrantedChild {

  String id();

  Grant grant();
}
