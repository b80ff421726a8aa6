package io.interservice.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkuPickerTest {

  private static int[] histogram(double skew) {
    SkuPicker picker = new SkuPicker(100, skew, new SplittableRandom(3));
    int[] counts = new int[101];
    for (int i = 0; i < 100_000; i++) {
      counts[picker.next()]++;
    }
    return counts;
  }

  @Test
  void uniformPicksEveryProductAboutEquallyOften() {
    int[] counts = histogram(0);
    assertThat(counts[0]).isZero();
    for (int k = 1; k <= 100; k++) {
      assertThat(counts[k]).isBetween(850, 1150);
    }
  }

  @Test
  void zipfMakesTheFirstProductsHot() {
    int[] counts = histogram(1.1);
    assertThat(counts[1]).isGreaterThan(15_000);
    assertThat(counts[1]).isGreaterThan(counts[2]);
    assertThat(counts[2]).isGreaterThan(counts[10]);
    assertThat(counts[100]).isLessThan(500);
  }

  @Test
  void cartsHoldOneToTenDistinctSkus() {
    SplittableRandom random = new SplittableRandom(9);
    SkuPicker picker = new SkuPicker(1000, 0, random.split());
    for (int i = 0; i < 200; i++) {
      String cart = OpenLoopDriver.cart(random, picker);
      int lines = cart.split("\"sku\"").length - 1;
      assertThat(lines).isBetween(1, 10);
    }
  }
}
