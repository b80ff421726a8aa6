package io.interservice.lab.load;

import io.interservice.lab.scenario.CatalogAdmin;
import java.util.random.RandomGenerator;

/**
 * Picks product numbers 1..n: uniformly when {@code skew} is 0, else Zipf-distributed with exponent
 * {@code skew} (product 1 the most popular). Not thread-safe: one per thread.
 */
public final class SkuPicker {
  private final int products;
  private final double[] cumulative;
  private final RandomGenerator random;

  public SkuPicker(int products, double skew, RandomGenerator random) {
    if (products < 1) {
      throw new IllegalArgumentException("products must be >= 1");
    }
    if (skew < 0) {
      throw new IllegalArgumentException("skew must be >= 0, was " + skew);
    }
    this.products = products;
    this.random = random;
    if (skew == 0) {
      cumulative = new double[0];
    } else {
      cumulative = new double[products];
      double sum = 0;
      for (int k = 1; k <= products; k++) {
        sum += 1 / Math.pow(k, skew);
        cumulative[k - 1] = sum;
      }
      for (int k = 0; k < products; k++) {
        cumulative[k] /= sum;
      }
    }
  }

  /** A product number in 1..n. */
  public int next() {
    if (cumulative.length == 0) {
      return 1 + random.nextInt(products);
    }
    double u = random.nextDouble();
    int lo = 0;
    int hi = products - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo + 1;
  }

  /** A sku picked as {@link #next()}. */
  public String nextSku() {
    return CatalogAdmin.sku(next());
  }
}
