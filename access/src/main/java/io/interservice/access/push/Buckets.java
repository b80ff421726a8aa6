package io.interservice.access.push;

/**
 * Reconciliation buckets: which bucket a key falls into, and what a (key, version) adds to its
 * bucket's checksum (a sum, so order does not matter). Owner and subscriber compare per-bucket
 * counts and checksums and reload the buckets that differ.
 */
public final class Buckets {
  private Buckets() {}

  /** The bucket of {@code key} among {@code buckets}. */
  public static int of(String key, int buckets) {
    return Math.floorMod(mix(key.hashCode()), buckets);
  }

  /** What one (key, version) adds to its bucket's checksum. */
  public static long entry(String key, long version) {
    return mix(key.hashCode() * 0x9E3779B97F4A7C15L + version);
  }

  /** Per bucket: {count, checksum} of the given entries. */
  public static long[][] sums(
      Iterable<? extends java.util.Map.Entry<String, Long>> entries, int buckets) {
    long[][] sums = new long[buckets][2];
    for (var e : entries) {
      int b = of(e.getKey(), buckets);
      sums[b][0]++;
      sums[b][1] += entry(e.getKey(), e.getValue());
    }
    return sums;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
