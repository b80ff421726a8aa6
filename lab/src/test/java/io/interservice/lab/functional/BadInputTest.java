package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input gets its status and an RFC 9457 problem naming the field; nothing is written. */
class BadInputTest {
  private static final String LINE = "{\"sku\":\"SKU-00001\",\"quantity\":1}";
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(BadInputTest.class);
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  static Stream<Arguments> badOrders() {
    String manyLines =
        IntStream.range(0, 101)
            .mapToObj(i -> LINE)
            .collect(Collectors.joining(",", "{\"lines\":[", "]}"));
    return Stream.of(
        Arguments.of("malformed JSON", "{lines:1}", 400, "body"),
        Arguments.of("JSON cut short", "{\"lines\":[", 400, "lines"),
        Arguments.of("not an object", "[1,2]", 400, "body"),
        Arguments.of("empty body", "", 400, "body"),
        Arguments.of("unknown field", "{\"lines\":[" + LINE + "],\"coupon\":\"x\"}", 400, "coupon"),
        Arguments.of(
            "unknown line field",
            "{\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":1,\"price\":1}]}",
            400,
            "lines[0].price"),
        Arguments.of("no lines", "{\"lines\":[]}", 400, "lines"),
        Arguments.of("lines missing", "{}", 400, "lines"),
        Arguments.of("too many lines", manyLines, 400, "lines"),
        Arguments.of(
            "quantity zero",
            "{\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":0}]}",
            400,
            "lines[0].quantity"),
        Arguments.of(
            "quantity negative",
            "{\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":-3}]}",
            400,
            "lines[0].quantity"),
        Arguments.of(
            "quantity over 1000",
            "{\"lines\":[" + LINE + ",{\"sku\":\"SKU-00001\",\"quantity\":1001}]}",
            400,
            "lines[1].quantity"),
        Arguments.of(
            "quantity not a number",
            "{\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":\"two\"}]}",
            400,
            "lines[0].quantity"),
        Arguments.of(
            "quantity fractional",
            "{\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":1.5}]}",
            400,
            "lines[0].quantity"),
        Arguments.of(
            "quantity missing", "{\"lines\":[{\"sku\":\"SKU-00001\"}]}", 400, "lines[0].quantity"),
        Arguments.of(
            "sku with a space",
            "{\"lines\":[{\"sku\":\"SKU 1\",\"quantity\":1}]}",
            400,
            "lines[0].sku"),
        Arguments.of("sku missing", "{\"lines\":[{\"quantity\":1}]}", 400, "lines[0].sku"),
        Arguments.of(
            "sku too long",
            "{\"lines\":[{\"sku\":\"" + "A".repeat(65) + "\",\"quantity\":1}]}",
            400,
            "lines[0].sku"),
        Arguments.of("null line", "{\"lines\":[null]}", 400, "lines[0]"),
        Arguments.of(
            "quantity as a string of digits",
            "{\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":\"2\"}]}",
            400,
            "lines[0].quantity"),
        Arguments.of(
            "sku as a number", "{\"lines\":[{\"sku\":12345,\"quantity\":1}]}", 400, "lines[0].sku"),
        Arguments.of(
            "the same sku on two lines",
            "{\"lines\":[" + LINE + "," + LINE + "]}",
            400,
            "lines[1].sku"),
        Arguments.of(
            "body over 64 KiB",
            "{\"lines\":[" + LINE + "],\"pad\":\"" + "x".repeat(70_000) + "\"}",
            413,
            "body"));
  }

  @ParameterizedTest(name = "{0} -> {2} naming {3}")
  @MethodSource("badOrders")
  void aBadOrderIsRefusedNamingTheField(String what, String body, int status, String field) {
    long orders = scenario.orderCount();

    Http.Answer answer =
        scenario.checkoutHttp.post("/orders", body, "Content-Type", "application/json");

    assertProblem(answer, status, field);
    assertThat(scenario.orderCount()).isEqualTo(orders);
  }

  @Test
  void aBadIdempotencyKeyIsRefused() {
    Http.Answer answer =
        scenario.checkoutHttp.post(
            "/orders", "{\"lines\":[" + LINE + "]}", "Idempotency-Key", "k".repeat(300));
    assertProblem(answer, 400, "Idempotency-Key");
  }

  @Test
  void anOrderIdThatIsNoUuidIsRefusedAndAnUnknownOneIsNotFound() {
    assertProblem(scenario.checkoutHttp.get("/orders/not-a-uuid"), 400, "id");
    Http.Answer missing = scenario.checkoutHttp.get("/orders/00000000-0000-0000-0000-000000000000");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
    long orders = scenario.orderCount();

    Http.Answer form =
        scenario.checkoutHttp.post(
            "/orders",
            "{\"lines\":[" + LINE + "]}",
            "Content-Type",
            "application/x-www-form-urlencoded");

    assertProblem(form, 415, "Content-Type");
    assertThat(scenario.orderCount()).isEqualTo(orders);
  }

  @Test
  void anotherMethodOnAKnownRouteIs405AndUnknownMethodsMintNoMetricSeries() {
    Http.Answer delete = scenario.checkoutHttp.method("DELETE", "/orders");
    for (String invented : new String[] {"BREW", "PROPFIND", "X-SCAN-1", "X-SCAN-2"}) {
      assertThat(scenario.checkoutHttp.method(invented, "/orders").status()).isBetween(400, 499);
    }

    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).contains("POST");
    assertThat(delete.contentType()).isEqualTo("application/problem+json");
    String metrics = scenario.checkoutHttp.get("/metrics").raw().body();
    assertThat(metrics).doesNotContain("BREW", "PROPFIND", "X-SCAN");
  }

  @Test
  void anUnknownRouteIsAProblemToo() {
    Http.Answer answer = scenario.checkoutHttp.get("/no/such/thing");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  static Stream<Arguments> badCatalogReads() {
    String many =
        IntStream.rangeClosed(1, 101)
            .mapToObj(i -> "sku=SKU-" + i)
            .collect(Collectors.joining("&"));
    return Stream.of(
        Arguments.of("/prices", 400, "sku"),
        Arguments.of("/prices?" + many, 400, "sku"),
        Arguments.of("/prices?sku=SKU-00001&sku=bad%20sku", 400, "sku"),
        Arguments.of("/prices?sku=SKU-00001&limit=3", 400, "limit"),
        Arguments.of("/products/bad%20sku", 400, "sku"));
  }

  @ParameterizedTest(name = "GET {0} -> {1} naming {2}")
  @MethodSource("badCatalogReads")
  void aBadCatalogReadIsRefusedNamingTheField(String path, int status, String field) {
    assertProblem(scenario.catalogHttp.get(path), status, field);
  }

  static Stream<Arguments> badPriceChanges() {
    return Stream.of(
        Arguments.of("{\"price\":100}", 400, "currency"),
        Arguments.of("{\"price\":100,\"currency\":\"usd\"}", 400, "currency"),
        Arguments.of("{\"price\":100,\"currency\":\"XXY\"}", 400, "currency"),
        Arguments.of("{\"price\":1.5,\"currency\":\"USD\"}", 400, "price"),
        Arguments.of("{\"price\":\"900\",\"currency\":\"USD\"}", 400, "price"),
        Arguments.of("{\"price\":-1,\"currency\":\"USD\"}", 400, "price"),
        Arguments.of("{\"currency\":\"USD\"}", 400, "price"),
        Arguments.of("{\"price\":1,\"currency\":\"USD\",\"discount\":2}", 400, "discount"),
        Arguments.of("{\"price\":", 400, "body"),
        Arguments.of("{\"price\":1,\"currency\":\"" + "U".repeat(70_000) + "\"}", 413, "body"));
  }

  @ParameterizedTest(name = "PUT price {1} naming {2}")
  @MethodSource("badPriceChanges")
  void aBadPriceChangeIsRefusedAndTheVersionStays(String body, int status, String field) {
    long version = scenario.catalogHttp.get("/products/SKU-00003").json().get("version").asLong();

    assertProblem(scenario.catalogHttp.put("/products/SKU-00003/price", body), status, field);

    assertThat(scenario.catalogHttp.get("/products/SKU-00003").json().get("version").asLong())
        .isEqualTo(version);
  }

  @Test
  void unknownSkusAreNotFoundInCatalog() {
    assertThat(scenario.catalogHttp.get("/products/NOPE-1").status()).isEqualTo(404);
    Http.Answer put =
        scenario.catalogHttp.put("/products/NOPE-1/price", "{\"price\":1,\"currency\":\"USD\"}");
    assertThat(put.status()).isEqualTo(404);
    assertThat(put.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void aBulkCreateWithADuplicateSkuIsRefusedNamingIt() {
    String body =
        "{\"products\":[{\"sku\":\"NEW-1\",\"name\":\"a\",\"price\":1,\"currency\":\"USD\"},"
            + "{\"sku\":\"NEW-1\",\"name\":\"b\",\"price\":2,\"currency\":\"USD\"}]}";
    assertProblem(scenario.catalogHttp.post("/products", body), 400, "products[1].sku");
  }

  private static void assertProblem(Http.Answer answer, int status, String field) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    assertThat(answer.json().get("type").asText()).startsWith("https://");
    assertThat(answer.json().get("title").asText()).isNotBlank();
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
  }
}
