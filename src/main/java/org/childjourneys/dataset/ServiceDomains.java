package org.childjourneys.dataset;

import java.util.List;

/**
 * The nine service domains (Service nodes, migration V005) that facts and rules name, and the kinds
 * of involvement they record (docs/model.md).
 */
public final class ServiceDomains {

  public static final List<String> CODES =
      List.of(
          "SOCIAL_CARE",
          "EARLY_HELP",
          "EDUCATION",
          "SEND_NEET",
          "YOUTH_JUSTICE",
          "UNIVERSAL",
          "HOUSING",
          "POLICE",
          "HEALTH");

  /** The involvement kinds docs/model.md documents, for validating arguments that name one. */
  public static final List<String> INVOLVEMENT_KINDS =
      List.of(
          "CIN_EPISODE",
          "ASSESSMENT",
          "S47_ENQUIRY",
          "CIN_PLAN",
          "CP_PLAN",
          "LAC_EPISODE",
          "EARLY_HELP_ASSESSMENT",
          "EARLY_HELP_PLAN",
          "EHC_PLAN",
          "NEET_OR_NOT_KNOWN",
          "SCHOOL_ENROLMENT",
          "YOT_OUT_OF_COURT",
          "YOT_COURT_ORDER",
          "YOT_CUSTODY",
          "HOMELESSNESS_CASE",
          "HEALTH_VISITING",
          "SCHOOL_NURSING",
          "CHILDRENS_CENTRE_REGISTRATION",
          "GP_REGISTRATION",
          "CAMHS_TREATMENT");

  private ServiceDomains() {}
}
