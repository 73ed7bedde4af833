package org.childjourneys.chronology;

import java.time.LocalDate;
import java.util.List;

/**
 * A child's record at a glance, as of a date (default: the date the data describes). Re-referral is
 * the DfE's: the latest referral, made in the 12 months to the date, came within 12 months of the
 * one before it. A repeat contact is a contact in the last 12 months that came within 12 months of
 * the previous contact.
 */
record ChildSummary(
    LocalDate asOf,
    List<ServiceActivity> services,
    LocalDate firstContact,
    LocalDate lastContact,
    int openInvolvements,
    int contactsLast12Months,
    int referralsLast12Months,
    boolean reReferral,
    int repeatContactsLast12Months,
    int previousCpPlans,
    List<ChronologyConnection.Withheld> withheld) {

  static boolean open(ChronologyItem i, LocalDate asOf) {
    return i.category() == ChronologyItem.Category.INVOLVEMENT
        && !i.date().isAfter(asOf)
        && (i.end() == null || i.end().isAfter(asOf));
  }

  /** One service's part of the record: how many of each kind, and first and last dates. */
  record ServiceActivity(
      String service,
      int contacts,
      int involvements,
      int openInvolvements,
      int events,
      LocalDate first,
      LocalDate last) {

    static ServiceActivity of(ChronologyItem i, LocalDate asOf) {
      return new ServiceActivity(
          i.service(),
          i.category() == ChronologyItem.Category.CONTACT ? 1 : 0,
          i.category() == ChronologyItem.Category.INVOLVEMENT ? 1 : 0,
          open(i, asOf) ? 1 : 0,
          i.category() == ChronologyItem.Category.EVENT ? 1 : 0,
          i.date(),
          i.date());
    }

    ServiceActivity plus(ServiceActivity o) {
      return new ServiceActivity(
          service,
          contacts + o.contacts,
          involvements + o.involvements,
          openInvolvements + o.openInvolvements,
          events + o.events,
          first.isBefore(o.first) ? first : o.first,
          last.isAfter(o.last) ? last : o.last);
    }
  }
}
