package org.childjourneys.analytics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The unit costs in force: the documented defaults below, with the configured ones ({@link
 * UnitCostProperties}) on top. All in pounds (GBP), and INDICATIVE: national averages from old
 * published sources, to be replaced by the council's own figures (docs/measures.md#costs gives each
 * figure with its year and source).
 */
@Component
public class UnitCosts {

  /**
   * A unit cost: per week of an involvement or placement, and/or per episode (once, at the start).
   */
  public record Unit(Double perWeek, Double perEpisode) {
    Map<String, Object> asParameter() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("perWeek", perWeek == null ? 0.0 : perWeek);
      m.put("perEpisode", perEpisode == null ? 0.0 : perEpisode);
      return m;
    }
  }

  /**
   * Children's social worker: £55 per hour of client-related work (PSSRU, Unit Costs of Health and
   * Social Care 2014, 2013/14 prices). The involvement defaults are this rate times an assumed
   * number of hours (docs/measures.md#costs).
   */
  static final double SOCIAL_WORKER_HOUR = 55.0;

  static final Map<String, Unit> INVOLVEMENT_DEFAULTS = new LinkedHashMap<>();
  static final Map<String, Unit> PLACEMENT_DEFAULTS = new LinkedHashMap<>();
  static final Map<String, Unit> PROGRAMME_DEFAULTS = new LinkedHashMap<>();

  static {
    // A referral open as a child in need case: 1 hour of social work a week.
    INVOLVEMENT_DEFAULTS.put("CIN_EPISODE", new Unit(1 * SOCIAL_WORKER_HOUR, null));
    // An assessment: 10 hours; a section 47 enquiry: 8 hours (once each).
    INVOLVEMENT_DEFAULTS.put("ASSESSMENT", new Unit(null, 10 * SOCIAL_WORKER_HOUR));
    INVOLVEMENT_DEFAULTS.put("S47_ENQUIRY", new Unit(null, 8 * SOCIAL_WORKER_HOUR));
    // A child protection plan: 3 hours a week on top of the referral's hour.
    INVOLVEMENT_DEFAULTS.put("CP_PLAN", new Unit(3 * SOCIAL_WORKER_HOUR, null));
    // A period of care: 2 hours of social work a week; the placement is costed on its own.
    INVOLVEMENT_DEFAULTS.put("LAC_EPISODE", new Unit(2 * SOCIAL_WORKER_HOUR, null));
    // Early help: an assessment of 6 hours, a plan of 2 hours a week, at the same rate.
    INVOLVEMENT_DEFAULTS.put("EARLY_HELP_ASSESSMENT", new Unit(null, 6 * SOCIAL_WORKER_HOUR));
    INVOLVEMENT_DEFAULTS.put("EARLY_HELP_PLAN", new Unit(2 * SOCIAL_WORKER_HOUR, null));
    // Youth custody: a young offender institution place, £50,800 a year (House of Commons Public
    // Accounts Committee, 2004), per week.
    INVOLVEMENT_DEFAULTS.put("YOT_CUSTODY", new Unit(50_800.0 / 52, null));

    // Foster placements (with relatives or friends U1-U3, other foster carers U4-U6): £820 a week,
    // the average weekly price of the largest independent fostering agencies (CMA, Children's
    // social care market study, interim report, October 2021).
    for (String place : new String[] {"U1", "U2", "U3", "U4", "U5", "U6"}) {
      PLACEMENT_DEFAULTS.put(place, new Unit(820.0, null));
    }
    // Children's homes (K2) and residential care homes (R1): £3,830 a week, the average weekly
    // price charged by the largest private children's home providers (CMA, interim report, 2021).
    PLACEMENT_DEFAULTS.put("K2", new Unit(3_830.0, null));
    PLACEMENT_DEFAULTS.put("R1", new Unit(3_830.0, null));
    // Secure children's homes (K1): £185,000 a place a year (Public Accounts Committee, 2004).
    PLACEMENT_DEFAULTS.put("K1", new Unit(185_000.0 / 52, null));

    // The synthetic authority's family support programme: 20 hours of worker time, once.
    PROGRAMME_DEFAULTS.put("FAMILY_SUPPORT_PROGRAMME", new Unit(null, 20 * SOCIAL_WORKER_HOUR));
  }

  private final Map<String, Unit> involvement;
  private final Map<String, Unit> placement;
  private final Map<String, Unit> programme;

  UnitCosts(UnitCostProperties configured) {
    involvement = merged(INVOLVEMENT_DEFAULTS, configured.involvement());
    placement = merged(PLACEMENT_DEFAULTS, configured.placement());
    programme = merged(PROGRAMME_DEFAULTS, configured.programme());
  }

  private static Map<String, Unit> merged(
      Map<String, Unit> defaults, Map<String, Unit> configured) {
    Map<String, Unit> all = new LinkedHashMap<>(defaults);
    configured.forEach((key, unit) -> all.put(key(key), unit));
    return all;
  }

  static String key(String configured) {
    return configured.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  public Map<String, Unit> involvement() {
    return Map.copyOf(involvement);
  }

  public Map<String, Unit> placement() {
    return Map.copyOf(placement);
  }

  public Map<String, Unit> programme() {
    return Map.copyOf(programme);
  }

  /** The unit costs as parameters of {@code queries/costs/children-costs}. */
  public Map<String, Object> parameters() {
    return Map.of(
        "involvementCosts", asParameter(involvement),
        "placementCosts", asParameter(placement),
        "programmeCosts", asParameter(programme));
  }

  private static Map<String, Object> asParameter(Map<String, Unit> units) {
    Map<String, Object> m = new LinkedHashMap<>();
    units.forEach((k, u) -> m.put(k, u.asParameter()));
    return m;
  }
}
