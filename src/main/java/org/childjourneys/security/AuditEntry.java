package org.childjourneys.security;

import java.time.OffsetDateTime;

/**
 * One access to a child's record: who, in which role and team, why, which child, what, when, and
 * whether it was allowed (a denied read is recorded too) and found. Chained: hash covers the entry
 * and the previous entry's hash.
 */
public record AuditEntry(
    long seq,
    OffsetDateTime at,
    String actor,
    String role,
    String team,
    String purpose,
    String action,
    String childId,
    String what,
    boolean allowed,
    boolean found,
    String prevHash,
    String hash) {}
