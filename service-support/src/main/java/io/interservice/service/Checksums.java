package io.interservice.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The push protocol's shared arithmetic: how keys fall into reconciliation buckets, the
 * order-independent checksum of a bucket, and the HMAC signature of a delivery. Owner and
 * subscriber must compute them identically; this is the one definition.
 */
public final class Checksums {
  private Checksums() {}

  /** The bucket of {@code key} among {@code buckets}. */
  public static int bucket(String key, int buckets) {
    return Math.floorMod(mix(key.hashCode()), buckets);
  }

  /** What one (key, version) adds to its bucket's checksum; addition is order-independent. */
  public static long entry(String key, long version) {
    return mix(key.hashCode() * 0x9E3779B97F4A7C15L + version);
  }

  /** {@code sha256=<hex>} of {@code body} keyed with {@code secret}. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Whether {@code signature} is {@code body}'s, compared in constant time. */
  public static boolean verify(String secret, byte[] body, String signature) {
    return MessageDigest.isEqual(
        sign(secret, body).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
