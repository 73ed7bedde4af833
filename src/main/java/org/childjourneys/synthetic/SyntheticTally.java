package org.childjourneys.synthetic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts kept while generating, from which the achieved rates are computed. Rates refer to the last
 * reporting year (the 12 months to the reference date) or to the reference date itself.
 */
public final class SyntheticTally {

  long children;
  long childrenAged10To17;
  long pupilsInYear;
  long childrenAged16To17;
  long familyMembers;
  long involvements;
  long events;
  long contacts;
  long placements;
  long allocatedProfessionals;
  long personRecords;
  long contactsInYear;
  long referralsInYear;
  long reReferralsInYear;
  long nfaReferralsInYear;
  long assessmentsInYear;
  long notInNeedInYear;
  long assessmentsWithDomesticAbuse;
  long assessmentsWithMentalHealth;
  long cinAtReference;
  long cpAtReference;
  long lacAtReference;
  long cpStartsInYear;
  long repeatCpStartsInYear;
  long lacInYear;
  long lacWith3PlacementsInYear;
  long earlyHelpChildrenInYear;
  long socialCareChildrenInYear;
  long earlyHelpClosuresInYear;
  long earlyHelpStepUpsInYear;
  long firstTimeEntrantsInYear;
  long permanentExclusionsInYear;
  long suspendedPupilsInYear;
  long neetAtReference;
  final Map<String, Long> referralSourcesInYear = new TreeMap<>();
  final Map<String, Long> earlyHelpClosures = new TreeMap<>();
  final Map<String, Long> referredWithin12MonthsOfEarlyHelp = new TreeMap<>();
  final Map<String, Long> placementTypesAtReference = new TreeMap<>();

  void add(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Achieved figures, named as in {@code docs/synthetic-data.md}. */
  public Map<String, Double> rates() {
    Map<String, Double> r = new LinkedHashMap<>();
    double per10k = 10_000.0 / Math.max(1, children);
    r.put("referralsPer10k", referralsInYear * per10k);
    r.put("reReferralShare", share(reReferralsInYear, referralsInYear));
    r.put("nfaAtReferralShare", share(nfaReferralsInYear, referralsInYear));
    r.put("assessmentNotInNeedShare", share(notInNeedInYear, assessmentsInYear));
    r.put("contactsPerReferral", share(contactsInYear, referralsInYear));
    r.put("cinPer10k", cinAtReference * per10k);
    r.put("cpPer10k", cpAtReference * per10k);
    r.put("lacPer10k", lacAtReference * per10k);
    r.put("repeatCpShare", share(repeatCpStartsInYear, cpStartsInYear));
    r.put("domesticAbuseFactorShare", share(assessmentsWithDomesticAbuse, assessmentsInYear));
    r.put("mentalHealthFactorShare", share(assessmentsWithMentalHealth, assessmentsInYear));
    long placed = placementTypesAtReference.values().stream().mapToLong(Long::longValue).sum();
    r.put("fosterShare", share(sumPrefix(placementTypesAtReference, "U"), placed));
    r.put(
        "homesAndSemiIndependentShare",
        share(
            sumPrefix(placementTypesAtReference, "K")
                + sumPrefix(placementTypesAtReference, "H")
                + sumPrefix(placementTypesAtReference, "R1"),
            placed));
    r.put("withParentsShare", share(sumPrefix(placementTypesAtReference, "P1"), placed));
    r.put("threePlusPlacementsShare", share(lacWith3PlacementsInYear, lacInYear));
    r.put("earlyHelpToSocialCareRatio", share(earlyHelpChildrenInYear, socialCareChildrenInYear));
    r.put("earlyHelpStepUpShare", share(earlyHelpStepUpsInYear, earlyHelpClosuresInYear));
    r.put(
        "firstTimeEntrantsPer100k10to17",
        share(firstTimeEntrantsInYear, childrenAged10To17) * 100_000);
    r.put("permanentExclusionShare", share(permanentExclusionsInYear, pupilsInYear));
    r.put("suspendedPupilShare", share(suspendedPupilsInYear, pupilsInYear));
    r.put("neet16to17Share", share(neetAtReference, childrenAged16To17));
    r.put("policeSourceShare", share(sumPrefix(referralSourcesInYear, "6"), referralsInYear));
    r.put("schoolSourceShare", share(sumPrefix(referralSourcesInYear, "2"), referralsInYear));
    r.put("healthSourceShare", share(sumPrefix(referralSourcesInYear, "3"), referralsInYear));
    r.put("familyMembersPerChild", share(familyMembers, children));
    r.put("involvementsPerChild", share(involvements, children));
    r.put("eventsPerChild", share(events, children));
    r.put("contactsPerChild", share(contacts, children));
    r.put("professionalsPerChild", share(allocatedProfessionals, children));
    r.put("recordsPerChild", share(personRecords, children));
    return r;
  }

  /**
   * Pathway signal: of early help plans that closed with the given reason, the share followed by a
   * social care referral within 12 months.
   */
  public double referredWithin12MonthsAfterEarlyHelp(String closureReason) {
    return share(
        referredWithin12MonthsOfEarlyHelp.getOrDefault(closureReason, 0L),
        earlyHelpClosures.getOrDefault(closureReason, 0L));
  }

  private static long sumPrefix(Map<String, Long> counts, String prefix) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public long children() {
    return children;
  }

  public long involvements() {
    return involvements;
  }

  public long events() {
    return events;
  }

  public long contacts() {
    return contacts;
  }

  public long placements() {
    return placements;
  }

  public long personRecords() {
    return personRecords;
  }
}
