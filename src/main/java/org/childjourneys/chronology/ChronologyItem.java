package org.childjourneys.chronology;

import java.time.LocalDate;
import java.util.List;
import org.childjourneys.dataset.Sources;

/**
 * One line of a child's chronology: a contact (with its decision), an involvement (a period with a
 * service, dated at its start), an event, or a practitioner's note. Each imported item names its
 * source system and how fresh that source is.
 */
record ChronologyItem(
    String id,
    Category category,
    String kind,
    String service,
    LocalDate date,
    LocalDate end,
    String decision,
    String closureReason,
    String team,
    List<Professional> professionals,
    List<String> needCodes,
    List<Flag> flags,
    String text,
    Sources.Source source,
    String recordedBy) {

  enum Category {
    CONTACT,
    INVOLVEMENT,
    EVENT,
    NOTE
  }

  /** A professional allocated to an involvement, and when. */
  record Professional(
      String id, String name, String role, Boolean lead, LocalDate from, LocalDate to) {}

  /**
   * Why an item is flagged: from the source record (SOURCE), the code mapping (MAPPING) or a
   * practitioner (PRACTITIONER, with who and when).
   */
  record Flag(String flag, String source, String reason, String by, java.time.OffsetDateTime at) {}

  boolean hasFlag(String flag) {
    return flags.stream().anyMatch(f -> f.flag().equals(flag));
  }
}
