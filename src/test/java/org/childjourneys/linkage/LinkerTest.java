package org.childjourneys.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.childjourneys.linkage.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-made hard cases, each with the decision a careful person would make. */
class LinkerTest {

  private final Linker linker = new Linker(0.99, 0.5);
  private PersonIndex index;

  @BeforeEach
  void knownChildren() {
    index = new PersonIndex();
    known("P-AMY", "HEALTH:1", "Amy", "Smith", "2014-03-09", "F", "AB1 2CD", "9434765919", null);
    known("P-JACK", "HEALTH:2", "Jack", "Brown", "2012-07-21", "M", "AB3 4EF", null, null);
    known("P-MAJA", "HEALTH:3", "Maja", "Kowalska", "2013-05-02", "F", "AB7 1XY", null, null);
    known("P-SOPHIE", "HEALTH:4", "Sophie", "Khan", "2009-01-15", "F", "AB2 6GH", null, null);
    known(
        "P-ALEXANDER", "HEALTH:5", "Alexander", "Green", "2016-11-30", "M", "AB5 5JJ", null, null);
    known("P-LEAH", "HEALTH:6", "Leah", "Walker", "2008-02-11", "F", "AB4 9PQ", null, null);
  }

  @Test
  void aTwinWithTheSameBirthDateFamilyNameAndAddressIsANewPerson() {
    Decision d = decide("Lily", "Smith", "2014-03-09", "F", "AB1 2CD", null, null);
    assertThat(d.outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void theSameChildInAnotherSystemWithoutIdentifiersIsLinked() {
    Decision d = decide("Amy", "Smith", "2014-03-09", "F", "AB1 2CD", null, "A123456789012");
    assertThat(d.outcome()).isEqualTo(Outcome.LINK);
    assertThat(d.personId()).isEqualTo("P-AMY");
    assertThat(d.method()).isEqualTo("PROBABILISTIC");
    assertThat(d.score()).isGreaterThan(0.99);
    assertThat(d.evidenceSummary())
        .contains("givenName:EXACT:+9.7", "familyName:EXACT:+9.8", "birthDate:EXACT:+12.6")
        .anyMatch(e -> e.startsWith("postcode:EXACT:"));
  }

  @Test
  void aNicknameAndATypoStillLink() {
    assertThat(decide("Alex", "Green", "2016-11-30", "M", "AB5 5JJ", null, null).personId())
        .isEqualTo("P-ALEXANDER");
    Decision typo = decide("Jakc", "Brown", "2012-07-21", "M", "AB3 4EF", null, null);
    assertThat(typo.outcome()).isEqualTo(Outcome.LINK);
    assertThat(typo.evidenceSummary()).anyMatch(e -> e.startsWith("givenName:TYPO"));
  }

  @Test
  void theSameNameWithADifferentBirthDateIsANewPerson() {
    Decision d = decide("Jack", "Brown", "2015-02-03", "M", "AB3 4EF", null, null);
    assertThat(d.outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void aSiblingAtTheSameAddressIsANewPerson() {
    Decision d = decide("Ruby", "Khan", "2011-06-20", "F", "AB2 6GH", null, null);
    assertThat(d.outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void aMotherAndDaughterWithTheSameNameAreDifferentPeople() {
    // Leah Walker, born 2008, a young mother; her daughter is named after her.
    Decision d = decide("Leah", "Walker", "2025-09-14", "F", "AB4 9PQ", null, null);
    assertThat(d.outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void aChildWhoseFamilyNameChangedIsLinked() {
    Decision d = decide("Sophie", "Ahmed", "2009-01-15", "F", "AB2 6GH", null, null);
    assertThat(d.outcome()).isEqualTo(Outcome.LINK);
    assertThat(d.personId()).isEqualTo("P-SOPHIE");
    assertThat(d.evidenceSummary()).anyMatch(e -> e.startsWith("familyName:DIFFERENT"));
  }

  @Test
  void aPolishGenderedFormIsTheSameFamilyName() {
    Decision d = decide("Maja", "Kowalski", "2013-05-02", "F", "AB7 1XY", null, null);
    assertThat(d.personId()).isEqualTo("P-MAJA");
    assertThat(d.evidenceSummary()).anyMatch(e -> e.startsWith("familyName:CHANGED_FORM"));
  }

  @Test
  void aSwappedDayAndMonthWithEverythingElseAgreeingIsLinked() {
    Decision d = decide("Amy", "Smith", "2014-09-03", "F", "AB1 2CD", null, null);
    assertThat(d.personId()).isEqualTo("P-AMY");
    assertThat(d.outcome()).isEqualTo(Outcome.LINK);
  }

  @Test
  void aChangedNameAndAMoveTogetherIsNotLinkedAutomatically() {
    Decision d = decide("Sophie", "Ahmed", "2009-01-15", "F", "ZZ9 9ZZ", null, null);
    assertThat(d.outcome()).isNotEqualTo(Outcome.LINK);
  }

  @Test
  void anNhsNumberLinksExactlyAndADifferentOneStopsAutomaticLinking() {
    Decision exact = decide("Aimee", "Smyth", "2014-03-09", "F", null, "9434765919", null);
    assertThat(exact.method()).isEqualTo("EXACT_IDENTIFIER");
    assertThat(exact.personId()).isEqualTo("P-AMY");
    Decision conflicting = decide("Amy", "Smith", "2014-03-09", "F", "AB1 2CD", "4010232137", null);
    assertThat(conflicting.outcome()).isEqualTo(Outcome.REVIEW);
    assertThat(conflicting.reason()).contains("nhsNumber");
  }

  @Test
  void adoptedAndRestrictedRecordsAreNeverMatched() {
    LinkageRecord adopted =
        new LinkageRecord(
            "LA:9",
            "LA",
            "Amy",
            "Smith",
            LocalDate.parse("2014-03-09"),
            "F",
            "AB1 2CD",
            "9434765919",
            null,
            true,
            false);
    assertThat(linker.decide(new IndexedRecord(adopted, null), index, null).outcome())
        .isEqualTo(Outcome.NEW);
    LinkageRecord restricted =
        new LinkageRecord(
            "LA:10",
            "LA",
            "Amy",
            "Smith",
            LocalDate.parse("2014-03-09"),
            "F",
            "AB1 2CD",
            null,
            null,
            false,
            true);
    assertThat(linker.decide(new IndexedRecord(restricted, null), index, null).outcome())
        .isEqualTo(Outcome.NEW);
    // and nothing is matched into a restricted child
    known("P-SEALED", "LA:11", "Noah", "Hill", "2015-04-04", "M", "AB8 8AA", null, null, true);
    assertThat(decide("Noah", "Hill", "2015-04-04", "M", "AB8 8AA", null, null).outcome())
        .isEqualTo(Outcome.NEW);
  }

  @Test
  void placeholderNamesNeverAgree() {
    known("P-UNKNOWN", "HEALTH:7", "Unknown", "Unknown", "2020-01-01", "U", null, null, null);
    Decision d = decide("Unknown", "Unknown", "2020-01-01", "M", null, null, null);
    assertThat(d.outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void recordsOfTheSameBatchFindEachOther() {
    PersonIndex pending = new PersonIndex();
    pending.add(
        record(
            "P-NEW", "SCHOOL:1", "Zara", "Osei", "2017-08-08", "F", "AB9 1AA", null, null, false));
    IndexedRecord second =
        record(null, "POLICE:1", "Zara", "Osei", "2017-08-08", "F", "AB9 1AA", null, null, false);
    assertThat(linker.decide(second, index, pending).personId()).isEqualTo("P-NEW");
  }

  private Decision decide(
      String given,
      String family,
      String dob,
      String sex,
      String postcode,
      String nhs,
      String upn) {
    return linker.decide(
        record(null, "SCHOOL:99", given, family, dob, sex, postcode, nhs, upn, false), index, null);
  }

  private void known(
      String person,
      String id,
      String given,
      String family,
      String dob,
      String sex,
      String postcode,
      String nhs,
      String upn) {
    known(person, id, given, family, dob, sex, postcode, nhs, upn, false);
  }

  private void known(
      String person,
      String id,
      String given,
      String family,
      String dob,
      String sex,
      String postcode,
      String nhs,
      String upn,
      boolean restricted) {
    index.add(record(person, id, given, family, dob, sex, postcode, nhs, upn, restricted));
  }

  private static IndexedRecord record(
      String person,
      String id,
      String given,
      String family,
      String dob,
      String sex,
      String postcode,
      String nhs,
      String upn,
      boolean restricted) {
    return new IndexedRecord(
        new LinkageRecord(
            id,
            id.substring(0, id.indexOf(':')),
            given,
            family,
            LocalDate.parse(dob),
            sex,
            postcode,
            nhs,
            upn,
            false,
            restricted),
        person);
  }
}
