package org.childjourneys.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's statistical targets on a fixed seed, with tolerances that a broken simulation (a
 * lost branch, a rate off by a factor) would miss. Targets and sources: docs/synthetic-data.md.
 */
class SyntheticRatesTest {

  private static SyntheticTally tally;
  private static Map<String, Double> rates;

  @BeforeAll
  static void simulate() {
    tally = SyntheticAuthorityGenerator.simulate(SyntheticSettings.of(30_000, 20181001L));
    rates = tally.rates();
  }

  @Test
  void generatesExactlyTheChildrenAskedFor() {
    assertThat(tally.children()).isEqualTo(30_000);
  }

  @Test
  void socialCareRatesFollowEnglandFigures() {
    assertThat(rates.get("referralsPer10k")).isBetween(400.0, 650.0);
    assertThat(rates.get("reReferralShare")).isCloseTo(0.22, within(0.05));
    assertThat(rates.get("nfaAtReferralShare")).isCloseTo(0.08, within(0.03));
    assertThat(rates.get("assessmentNotInNeedShare")).isCloseTo(0.30, within(0.06));
    assertThat(rates.get("cinPer10k")).isBetween(220.0, 420.0);
    assertThat(rates.get("cpPer10k")).isBetween(25.0, 60.0);
    assertThat(rates.get("lacPer10k")).isBetween(40.0, 95.0);
    assertThat(rates.get("repeatCpShare")).isBetween(0.12, 0.35);
    assertThat(rates.get("domesticAbuseFactorShare")).isBetween(0.30, 0.55);
    assertThat(rates.get("mentalHealthFactorShare")).isBetween(0.28, 0.55);
    assertThat(rates.get("policeSourceShare")).isBetween(0.18, 0.36);
    assertThat(rates.get("schoolSourceShare")).isBetween(0.13, 0.28);
  }

  @Test
  void placementsFollowEnglandFigures() {
    assertThat(rates.get("fosterShare")).isBetween(0.58, 0.80);
    assertThat(rates.get("homesAndSemiIndependentShare")).isBetween(0.08, 0.26);
    assertThat(rates.get("threePlusPlacementsShare")).isBetween(0.04, 0.18);
  }

  @Test
  void otherServicesFollowEnglandFigures() {
    assertThat(rates.get("earlyHelpToSocialCareRatio")).isBetween(1.3, 2.2);
    assertThat(rates.get("earlyHelpStepUpShare")).isBetween(0.10, 0.25);
    assertThat(rates.get("firstTimeEntrantsPer100k10to17")).isBetween(80.0, 260.0);
    assertThat(rates.get("permanentExclusionShare")).isBetween(0.0004, 0.002);
    assertThat(rates.get("suspendedPupilShare")).isBetween(0.015, 0.035);
    assertThat(rates.get("neet16to17Share")).isBetween(0.03, 0.08);
  }

  @Test
  void volumesPerChildMatchTheFoundationTargets() {
    assertThat(rates.get("involvementsPerChild")).isBetween(5.0, 8.0);
    assertThat(rates.get("eventsPerChild")).isBetween(10.0, 18.0);
    assertThat(rates.get("familyMembersPerChild")).isBetween(2.0, 3.5);
    assertThat(rates.get("professionalsPerChild")).isBetween(2.5, 5.5);
  }

  @Test
  void pathwaysDifferInOutcome() {
    // Early help that met its outcomes is followed by fewer referrals than disengagement.
    double met = tally.referredWithin12MonthsAfterEarlyHelp("OUTCOMES_MET");
    double disengaged = tally.referredWithin12MonthsAfterEarlyHelp("DISENGAGED");
    assertThat(disengaged).isGreaterThan(met * 1.4);
  }

  @Test
  void sameSeedGivesTheSameAuthorityAndAnotherSeedDoesNot() {
    var first = SyntheticAuthorityGenerator.simulate(SyntheticSettings.of(2_000, 5L)).rates();
    var again = SyntheticAuthorityGenerator.simulate(SyntheticSettings.of(2_000, 5L)).rates();
    var other = SyntheticAuthorityGenerator.simulate(SyntheticSettings.of(2_000, 6L)).rates();
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }
}
