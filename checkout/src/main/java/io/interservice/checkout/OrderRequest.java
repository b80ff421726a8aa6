package io.interservice.checkout;

import io.interservice.service.Json;
import io.interservice.service.Problem;
import io.interservice.service.Skus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated {@code POST /orders} body. */
record OrderRequest(List<Line> lines) {
  static final int MAX_LINES = 100;
  static final int MAX_QUANTITY = 1000;

  /** One line: a sku and how many. */
  record Line(String sku, int quantity) {}

  private record Body(@Nullable List<@Nullable LineBody> lines) {}

  private record LineBody(@Nullable String sku, @Nullable Integer quantity) {}

  /**
   * Parses and validates a request body.
   *
   * @throws io.interservice.service.ProblemException 400 naming the first invalid field
   */
  static OrderRequest parse(byte[] body) {
    List<@Nullable LineBody> lines = Json.parse(body, Body.class).lines();
    if (lines == null || lines.isEmpty()) {
      throw Problem.invalid("lines", "an order needs 1 to " + MAX_LINES + " lines").toException();
    }
    if (lines.size() > MAX_LINES) {
      throw Problem.invalid(
              "lines", "an order has at most " + MAX_LINES + " lines, got " + lines.size())
          .toException();
    }
    List<Line> valid = new ArrayList<>(lines.size());
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      LineBody line = lines.get(i);
      String at = "lines[" + i + "]";
      if (line == null) {
        throw Problem.invalid(at, at + " must be an object with sku and quantity").toException();
      }
      String sku = line.sku();
      if (sku == null || !Skus.valid(sku)) {
        throw Problem.invalid(
                at + ".sku",
                at
                    + ".sku must be 1-64 letters, digits, '.', '_' or '-', was "
                    + (sku == null ? "missing" : "'" + sku + "'"))
            .toException();
      }
      Integer quantity = line.quantity();
      if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
        throw Problem.invalid(
                at + ".quantity",
                at + ".quantity must be an integer from 1 to " + MAX_QUANTITY + ", was " + quantity)
            .toException();
      }
      Integer first = seen.putIfAbsent(sku, i);
      if (first != null) {
        throw Problem.invalid(
                at + ".sku",
                at
                    + ".sku repeats lines["
                    + first
                    + "].sku '"
                    + sku
                    + "': give each sku once, with its whole quantity")
            .toException();
      }
      valid.add(new Line(sku, quantity));
    }
    return new OrderRequest(List.copyOf(valid));
  }

  /** The request as {@link #parse} reads it back: {@code {"lines":[{"sku":..,"quantity":..}]}}. */
  byte[] toJson() {
    StringBuilder json = new StringBuilder("{\"lines\":[");
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"sku\":\"")
          .append(line.sku())
          .append("\",\"quantity\":")
          .append(line.quantity())
          .append('}');
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A digest of the request's content, to tell a retry from a different request. */
  String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    for (Line line : lines) {
      canonical.append(line.sku()).append('\u0000').append(line.quantity()).append('\n');
    }
    byte[] digest = sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  private static final MessageDigest SHA_256 = digest();

  /**
   * A fresh SHA-256 digest, cloned from one made once: {@link MessageDigest#getInstance} looks the
   * algorithm up among the security providers, 3 % of checkout's CPU when done per order.
   */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return digest();
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
