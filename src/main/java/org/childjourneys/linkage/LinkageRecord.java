package org.childjourneys.linkage;

import java.time.LocalDate;

/**
 * One source system's record of a child, as the matcher compares it: the fields that identify a
 * person and the markers that forbid linking. Any field but {@code id} and {@code system} may be
 * null (missing in the source).
 *
 * @param id the record id, {@code <system>:<local id>}
 * @param sex {@code M}, {@code F} or {@code U}
 * @param postcode a full or partial UK postcode as the source holds it
 * @param nhsNumber a valid NHS number (placeholders never reach the matcher)
 * @param upn a unique pupil number (UPNunknown codes never reach the matcher)
 * @param adopted the record is of an adopted child (pre- and post-adoption records never link)
 * @param restricted the record carries a restriction marker (sealed, refuge)
 */
public record LinkageRecord(
    String id,
    String system,
    String givenName,
    String familyName,
    LocalDate birthDate,
    String sex,
    String postcode,
    String nhsNumber,
    String upn,
    boolean adopted,
    boolean restricted) {}
