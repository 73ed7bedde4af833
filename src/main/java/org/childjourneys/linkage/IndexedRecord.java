package org.childjourneys.linkage;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A record prepared for comparison once, so the hot loop compares normal forms and phonetic codes
 * instead of recomputing them: normal names, their codes, the full forms of the given name and the
 * postcode without spaces.
 */
public final class IndexedRecord {

  final LinkageRecord record;
  final String personId;
  final String given;
  final String family;
  final String givenCode;
  final String familyCode;
  final Set<String> givenForms;
  final Set<String> givenFormCodes;
  final String postcode;
  final boolean postcodeFull;
  final String postcodeSector;
  final String postcodeDistrict;

  public IndexedRecord(LinkageRecord record, String personId) {
    this.record = record;
    this.personId = personId;
    this.given = NameKnowledge.normal(record.givenName());
    this.family = NameKnowledge.normal(record.familyName());
    this.givenCode = NameKnowledge.phonetic(given);
    this.familyCode = NameKnowledge.phonetic(family);
    this.givenForms = NameKnowledge.fullForms(given);
    Set<String> codes = new java.util.LinkedHashSet<>();
    for (String form : givenForms) {
      String code = NameKnowledge.phonetic(form);
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    this.givenFormCodes = codes;
    this.postcode =
        record.postcode() == null || record.postcode().isBlank()
            ? null
            : record.postcode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    // A full postcode ends in its inward code (a digit and two letters); SSDA903 home postcodes
    // are partial, to sector ("AB12 3").
    this.postcodeFull = postcode != null && postcode.matches(".+[0-9][A-Z]{2}");
    this.postcodeSector =
        postcode == null
            ? null
            : postcodeFull ? postcode.substring(0, postcode.length() - 2) : postcode;
    this.postcodeDistrict =
        postcode == null
            ? null
            : postcodeFull
                ? postcode.substring(0, postcode.length() - 3)
                : postcode.substring(0, Math.max(1, postcode.length() - 1));
  }

  public LinkageRecord record() {
    return record;
  }

  public String personId() {
    return personId;
  }

  LocalDate birthDate() {
    return record.birthDate();
  }
}
