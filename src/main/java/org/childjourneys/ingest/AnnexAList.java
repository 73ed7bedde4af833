package org.childjourneys.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Ofsted Annex A lists the importer loads, each recognised by a column only it has, with the
 * header spellings seen in Ofsted's templates and councils' own extracts (case and punctuation
 * ignored). Lists 9-12 (care leavers, adoption, adopters, foster carers) are recognised so they can
 * be reported as not loaded rather than as unknown files.
 */
enum AnnexAList {
  CONTACTS(
      1,
      "contacts",
      "CONTACT",
      "SOCIAL_CARE",
      "date",
      Map.of(
          "date", List.of("Date of Contact", "Contact Date"),
          "source", List.of("Contact Source", "Source of Contact"))),
  EARLY_HELP(
      2,
      "early help assessments",
      "EARLY_HELP_ASSESSMENT",
      "EARLY_HELP",
      "start",
      Map.of(
          "start",
              List.of(
                  "Early Help Assessment Start Date",
                  "Date Early Help Assessment Started",
                  "Assessment Start Date (Early Help)"),
          "end",
              List.of(
                  "Early Help Assessment End Date",
                  "Early Help Assessment Completion Date",
                  "Date Early Help Assessment Completed"),
          "organisation",
              List.of(
                  "Organisation Completing Early Help Assessment",
                  "Organisation Completing Assessment"))),
  REFERRALS(
      3,
      "referrals",
      "CIN_EPISODE",
      "SOCIAL_CARE",
      "start",
      Map.of(
          "start", List.of("Date of Referral", "Referral Date"),
          "source", List.of("Referral Source"),
          "nfa", List.of("Referral NFA?", "Referral NFA", "Referral No Further Action"),
          "referralsIn12Months",
              List.of(
                  "Number of Referrals in Last 12 Months",
                  "Number of Referrals in the Last 12 Months"))),
  ASSESSMENTS(
      4,
      "assessments",
      "ASSESSMENT",
      "SOCIAL_CARE",
      "start",
      Map.of(
          "start", List.of("Continuous Assessment Start Date", "Assessment Start Date"),
          "end",
              List.of(
                  "Continuous Assessment Date of Authorisation",
                  "Assessment Date of Authorisation",
                  "Assessment Authorisation Date"),
          "disabled", List.of("Does the Child have a Disability"),
          "needsSupport",
              List.of("Was the child assessed as requiring LA children's social care support?"))),
  SECTION_47(
      5,
      "section 47 enquiries",
      "S47_ENQUIRY",
      "SOCIAL_CARE",
      "start",
      Map.of(
          "start",
              List.of(
                  "Strategy discussion initiating Section 47 Enquiry Start Date",
                  "Section 47 Enquiry Start Date"),
          "icpcUnnecessary",
              List.of("Was an Initial Child Protection Conference deemed unnecessary?"),
          "icpc", List.of("Date of Initial Child Protection Conference"),
          "resultedInPlan",
              List.of(
                  "Did the Initial Child Protection Conference Result in a Child Protection Plan"))),
  CHILDREN_IN_NEED(
      6,
      "children in need",
      "CIN_EPISODE",
      "SOCIAL_CARE",
      "start",
      Map.of(
          "start", List.of("CIN Start Date", "Child in Need Start Date"),
          "end", List.of("CIN Closure Date", "Child in Need Closure Date"),
          "closureReason", List.of("Reason for Closure", "CIN Closure Reason"),
          "primaryNeed", List.of("Primary Need Code", "Primary Need"),
          "lastSeen", List.of("Date Child Was Last Seen"))),
  CHILD_PROTECTION(
      7,
      "child protection plans",
      "CP_PLAN",
      "SOCIAL_CARE",
      "start",
      Map.of(
          "start", List.of("Child Protection Plan Start Date"),
          "end", List.of("Child Protection Plan End Date"),
          "initialCategory", List.of("Initial Category of Abuse"),
          "latestCategory", List.of("Latest Category of Abuse"),
          "previousPlans", List.of("Number of Previous Child Protection Plans"))),
  LOOKED_AFTER(
      8,
      "children looked after",
      "LAC_EPISODE",
      "SOCIAL_CARE",
      "start",
      Map.of(
          "start",
              List.of(
                  "Date Started to be Looked After",
                  "Date Started to be Looked After (Current Period)",
                  "Start Date of Current Period of Care"),
          "end", List.of("Date Ceased to be Looked After"),
          "legalStatus", List.of("Legal Status"),
          "reasonEnded", List.of("Reason Ceased to be Looked After"),
          "placementType", List.of("Placement Type"),
          "latestPlacement", List.of("Date of Latest Placement"),
          "placementsIn12Months",
              List.of(
                  "Number of Placements in the Last 12 Months",
                  "Number of Placements in Last 12 Months"))),
  CARE_LEAVERS(
      9,
      "care leavers",
      null,
      null,
      null,
      Map.of("signature", List.of("Date of Last Contact", "In Touch", "Eligibility Category"))),
  ADOPTION(
      10,
      "adoption",
      null,
      null,
      null,
      Map.of(
          "signature",
          List.of(
              "Date of Decision that Child should be Placed for Adoption",
              "Date of Placement Order"))),
  ADOPTERS(
      11,
      "adopters",
      null,
      null,
      null,
      Map.of("signature", List.of("Adopter Unique ID", "Date of Initial Enquiry"))),
  FOSTER_CARERS(
      12,
      "foster carers",
      null,
      null,
      null,
      Map.of("signature", List.of("Foster Carer Unique ID", "Fostering Household ID")));

  /** Columns every child list has, and the allocation columns lists 3-8 add. */
  static final Map<String, List<String>> COMMON =
      Map.of(
          "child", List.of("Child Unique ID", "Child ID", "Unique Child ID"),
          "gender", List.of("Gender", "Sex"),
          "ethnicity", List.of("Ethnicity"),
          "birthDate", List.of("Date of Birth", "DOB"),
          "team", List.of("Allocated Team"),
          "worker", List.of("Allocated Worker", "Allocated Social Worker"));

  final int number;
  final String title;
  final String kind;
  final String service;
  final String keyDate;
  final Map<String, List<String>> columns;

  AnnexAList(
      int number,
      String title,
      String kind,
      String service,
      String keyDate,
      Map<String, List<String>> columns) {
    this.number = number;
    this.title = title;
    this.kind = kind;
    this.service = service;
    this.keyDate = keyDate;
    this.columns = columns;
  }

  boolean loaded() {
    return kind != null;
  }

  /** The column that tells this list from the others. */
  List<String> signature() {
    return columns.get(loaded() ? keyDate : "signature");
  }

  /** Case, spaces and punctuation ignored: "Referral NFA?" and "referral_nfa" are one header. */
  static String normalise(String header) {
    return header
        .toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'')
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
  }

  /** The list a header row belongs to, or null when it is none of them. */
  static AnnexAList recognise(java.util.Set<String> normalisedHeaders) {
    for (AnnexAList list : values()) {
      for (String s : list.signature()) {
        if (normalisedHeaders.contains(normalise(s))) {
          return list;
        }
      }
    }
    return null;
  }

  /** The list a sheet or file name announces ("List 3", "list_3_referrals.csv"), or null. */
  static AnnexAList byName(String name) {
    var m = java.util.regex.Pattern.compile("(?i)list[ _-]*(\\d{1,2})(?!\\d)").matcher(name);
    if (m.find()) {
      int n = Integer.parseInt(m.group(1));
      for (AnnexAList list : values()) {
        if (list.number == n) {
          return list;
        }
      }
    }
    return null;
  }
}
