package io.interservice.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrenciesTest {
  @Test
  void anIsoCodeInUpperCaseIsACurrency() {
    assertThat(Currencies.valid("EUR")).isTrue();
    assertThat(Currencies.valid("USD")).isTrue();
  }

  @Test
  void lowerCaseOtherLengthsAndUnknownCodesAreNot() {
    assertThat(Currencies.valid("eur")).isFalse();
    assertThat(Currencies.valid("EURO")).isFalse();
    assertThat(Currencies.valid("EU")).isFalse();
    assertThat(Currencies.valid("E1R")).isFalse();
    assertThat(Currencies.valid("ÉUR")).isFalse();
    assertThat(Currencies.valid("XYZ")).isFalse();
    assertThat(Currencies.valid("")).isFalse();
    assertThat(Currencies.valid(null)).isFalse();
  }
}
