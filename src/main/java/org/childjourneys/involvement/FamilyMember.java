package org.childjourneys.involvement;

import java.time.LocalDate;
import java.util.List;

/** A member of a child's family network on a date, with their own open involvements. */
record FamilyMember(
    String id,
    String givenName,
    String familyName,
    LocalDate birthDate,
    String relationship,
    Boolean parentalResponsibility,
    LocalDate from,
    LocalDate to,
    boolean livesWithChild,
    boolean isChild,
    List<Involvement> openInvolvements) {

  record Involvement(String kind, String service, LocalDate start, LocalDate end, String team) {}
}
