package org.childjourneys.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ids of organisations, the same as the synthetic generator gives them, so an imported
 * directory, a GIAS or ODS extract and synthetic data name the same school or practice alike: a
 * school is {@code URN-<urn>}, a GP practice {@code GP-<ODS code>}, an NHS trust {@code NHS-<ODS
 * code>}, a local authority {@code LA-<LA code>}.
 */
final class OrganisationKeys {

  private OrganisationKeys() {}

  static String school(long urn) {
    return "URN-" + urn;
  }

  static String gpPractice(String odsCode) {
    return "GP-" + odsCode;
  }

  static String nhsTrust(String odsCode) {
    return "NHS-" + odsCode;
  }

  /** Lower case, runs of whitespace as one space, trimmed: how names are looked up. */
  static String nameKey(String name) {
    return name == null ? null : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * The organisation a directory row names, as {@code {id, props}} where props describe a bare
   * organisation to create when the graph does not hold it yet (GIAS or ODS fill it in later): a
   * six-digit URN is a school, a letter and five digits a GP practice, three letters or digits an
   * NHS trust, an id with a known prefix ({@code URN-}, {@code GP-}, {@code NHS-}, {@code LA-},
   * {@code POLICE-}, {@code HOUSING-}) is taken as it is; anything else is a name, kept under the
   * system ({@code <system>:ORG:<name>}).
   */
  static Map<String, Object> reference(String system, String value) {
    String v = value.strip();
    String upper = v.toUpperCase(Locale.ROOT);
    Map<String, Object> props = new HashMap<>();
    props.put("sourceSystem", system);
    String id;
    if (v.matches("\\d{6}")) {
      id = school(Long.parseLong(v));
      props.put("kind", "SCHOOL");
      props.put("urn", Long.parseLong(v));
      props.put("code", v);
      props.put("name", "School URN " + v);
    } else if (upper.matches("[A-Z]\\d{5}")) {
      id = gpPractice(upper);
      props.put("kind", "GP_PRACTICE");
      props.put("code", upper);
      props.put("name", "GP practice " + upper);
    } else if (upper.matches("[A-Z0-9]{3}")) {
      id = nhsTrust(upper);
      props.put("kind", "NHS_TRUST");
      props.put("code", upper);
      props.put("name", "NHS trust " + upper);
    } else if (upper.matches("(URN|GP|NHS|LA|POLICE|HOUSING)-[A-Z0-9]+")) {
      id = upper;
      props.put("name", upper);
      props.put(
          "kind",
          switch (upper.substring(0, upper.indexOf('-'))) {
            case "URN" -> "SCHOOL";
            case "GP" -> "GP_PRACTICE";
            case "NHS" -> "NHS_TRUST";
            case "LA" -> "LOCAL_AUTHORITY";
            case "POLICE" -> "POLICE_FORCE";
            default -> "HOUSING_PROVIDER";
          });
    } else {
      id = system + ":ORG:" + v.replaceAll("\\s+", " ");
      props.put("name", v.replaceAll("\\s+", " "));
    }
    props.put("id", id);
    Map<String, Object> reference = new HashMap<>();
    reference.put("id", id);
    reference.put("props", props);
    return reference;
  }
}
