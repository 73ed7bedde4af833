package org.childjourneys.involvement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.childjourneys.dataset.Sources;

/**
 * Who is in touch with a child on a date: involvements open then (now) and ended by then
 * (previously), each with its team and professionals and how to reach them; and, per service, which
 * sources were loaded for which period, so that no involvement is not read as never involved.
 */
record InTouch(
    LocalDate asOf,
    List<ServiceInvolvement> now,
    List<ServiceInvolvement> previously,
    List<ServiceCoverage> coverage) {

  record ServiceInvolvement(
      String id,
      String kind,
      String service,
      LocalDate start,
      LocalDate end,
      String closureReason,
      Sources.Source source,
      TeamContact team,
      List<ProfessionalContact> professionals) {

    ProfessionalContact lead() {
      return professionals.stream()
          .filter(p -> Boolean.TRUE.equals(p.lead()))
          .findFirst()
          .orElse(null);
    }
  }

  record TeamContact(String id, String name, String email, String phone, String organisation) {}

  record ProfessionalContact(
      String id,
      String name,
      String role,
      String team,
      String organisation,
      String email,
      String phone,
      Boolean lead,
      LocalDate from,
      LocalDate to,
      Confirmation confirmed) {}

  /** Contact details a practitioner confirmed, by whom and when. */
  record Confirmation(String email, String phone, String by, OffsetDateTime at) {}

  /**
   * One service on the date: whether the child is in touch with it (null when the sharing rules
   * withhold the service from this reader), the sources that record it, and what that means.
   */
  record ServiceCoverage(
      String service, Boolean inTouchNow, List<Sources.Source> sources, String note) {}
}
