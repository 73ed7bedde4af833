package org.childjourneys.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void nhsNumbersCarryAValidMod11CheckDigit() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      String nhs = Identifiers.nhsNumber(random);
      assertThat(nhs).hasSize(10).startsWith("9");
      assertThat(Identifiers.isValidNhsNumber(nhs)).as(nhs).isTrue();
    }
  }

  @Test
  void checkDigitValidationRejectsPlaceholdersAndTypos() {
    // 943 476 5919 is the NHS Digital documentation example with check digit 9.
    assertThat(Identifiers.isValidNhsNumber("9434765919")).isTrue();
    assertThat(Identifiers.isValidNhsNumber("9434765918")).isFalse();
    assertThat(Identifiers.isValidNhsNumber("0000000000")).isFalse();
    assertThat(Identifiers.isValidNhsNumber("1111111111")).isFalse();
    assertThat(Identifiers.isValidNhsNumber("94347659")).isFalse();
  }

  @Test
  void upnHasCheckLetterLaEstablishmentYearAndSerial() {
    String upn = Identifiers.upn("999", 2001, 2019, 42);
    assertThat(upn).matches("[A-HJ-NP-RT-Z]999200119042");
    // The check letter is the weighted sum of characters 2-13 modulo 23.
    int sum = 0;
    String body = upn.substring(1);
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(i) - '0') * (i + 2);
    }
    assertThat(upn.charAt(0)).isEqualTo("ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23));
  }
}
