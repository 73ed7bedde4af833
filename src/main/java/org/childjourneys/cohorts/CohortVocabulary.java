package org.childjourneys.cohorts;

import java.util.List;
import org.childjourneys.dataset.ServiceDomains;

/**
 * The codes a cohort definition may name, as docs/model.md documents them: involvement kinds, event
 * kinds (outcomes), contact decisions and age bands. Service codes are {@link
 * org.childjourneys.dataset.ServiceDomains}; need codes are the Need vocabulary in the database.
 */
final class CohortVocabulary {

  static final List<String> INVOLVEMENT_KINDS = ServiceDomains.INVOLVEMENT_KINDS;

  static final List<String> EVENT_KINDS =
      List.of(
          "DOMESTIC_INCIDENT",
          "MISSING_EPISODE",
          "MISSING",
          "AWAY",
          "PLACEMENT_MOVE",
          "SUSPENSION",
          "PERMANENT_EXCLUSION",
          "ARREST",
          "CUSTODY",
          "EMERGENCY_DEPARTMENT_ATTENDANCE",
          "HOSPITAL_ADMISSION",
          "SELF_HARM_PRESENTATION",
          "BEREAVEMENT",
          "HOUSE_MOVE",
          "BECAME_HOMELESS",
          "IMMUNISATION",
          "CHILD_MEASUREMENT",
          "PERSISTENT_ABSENCE",
          "ACHIEVEMENT",
          "POSITIVE_ACTIVITY",
          "TRUSTED_ADULT_IDENTIFIED",
          "LEGAL_STATUS",
          "LAC_REVIEW",
          "CARE_LEAVER_OUTCOME",
          "LAC_OUTCOMES",
          "ADOPTION_DECISION",
          "PLACED_FOR_ADOPTION",
          "PREVIOUS_PERMANENCE",
          "CP_REVIEW");

  static final List<String> DECISIONS =
      List.of("NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP", "REFERRAL", "OPEN_CASE");

  static final List<String> AGE_BANDS =
      List.of("UNDER_1", "1_TO_4", "5_TO_9", "10_TO_15", "16_AND_OVER");

  private CohortVocabulary() {}
}
