package io.interservice.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reconciliation buckets: which bucket a key falls into, and what an entry (key, version, value)
 * adds to its bucket's checksum (a sum, so order does not matter). Owner and reader compare
 * per-bucket counts and checksums and reload the buckets that differ. The value enters as a digest
 * that both sides compute alike ({@link #digest(String)} of a canonical text), so a wrong value
 * under the right version is found too. Keys are compared by their text.
 */
public final class Buckets {
  private Buckets() {}

  /** The bucket of {@code key} among {@code buckets}. */
  public static int of(String key, int buckets) {
    return Math.floorMod(mix(key.hashCode()), buckets);
  }

  /** What one entry adds to its bucket's checksum. */
  public static long entry(String key, long version, long valueDigest) {
    return mix(mix(key.hashCode() * 0x9E3779B97F4A7C15L + version) ^ valueDigest);
  }

  /** A 64-bit digest of a value's canonical text (FNV-1a over its UTF-8 bytes, then mixed). */
  public static long digest(String canonical) {
    long h = 0xcbf29ce484222325L;
    for (byte b : canonical.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** Running per-bucket counts and checksums. Not thread-safe. */
  public static final class Sums {
    private final long[][] sums;

    /** Empty sums over {@code buckets} buckets. */
    public Sums(int buckets) {
      if (buckets < 1) {
        throw new IllegalArgumentException("buckets must be >= 1, was " + buckets);
      }
      this.sums = new long[buckets][2];
    }

    /** Adds one entry. */
    public Sums add(String key, long version, long valueDigest) {
      int b = of(key, sums.length);
      sums[b][0]++;
      sums[b][1] += entry(key, version, valueDigest);
      return this;
    }

    /** How many buckets. */
    public int buckets() {
      return sums.length;
    }

    /** Entries in {@code bucket}. */
    public long count(int bucket) {
      return sums[bucket][0];
    }

    /** The checksum of {@code bucket}. */
    public long checksum(int bucket) {
      return sums[bucket][1];
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
