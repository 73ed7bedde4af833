package org.childjourneys.dataset;

import java.util.List;

/** The nine service domains (Service nodes, migration V005) that facts and rules name. */
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

  private ServiceDomains() {}
}
