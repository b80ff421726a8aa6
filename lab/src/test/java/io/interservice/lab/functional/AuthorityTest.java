package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.service.identity.Scopes;
import io.interservice.service.identity.Signer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, against real processes: every refusal a stranger, a client, an operator or the
 * other service meets, and the count of calls that succeeded without the right identity (none).
 */
class AuthorityTest {
  private static Scenario scenario;
  private static Http stranger;
  private static Http checkoutAsService;
  private static final int TRIES = 25;
  private static final Map<String, Integer> UNAUTHORISED_SUCCESSES = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    scenario = Scenario.start(AuthorityTest.class, "push");
    stranger = scenario.catalogHttp.anonymous();
    checkoutAsService =
        scenario.catalogHttp.as(
            scenario.asService("checkout", "catalog", Scopes.PRICES_READ, Scopes.PRICES_SUBSCRIBE));
  }

  @AfterAll
  static void stop() {
    scenario.close();
    System.out.println("unauthorised successes, of " + TRIES + " tries each:");
    UNAUTHORISED_SUCCESSES.forEach((what, n) -> System.out.println("  " + what + ": " + n));
    assertThat(UNAUTHORISED_SUCCESSES.values())
        .as("calls that succeeded without the right identity")
        .allMatch(n -> n == 0);
  }

  /**
   * Makes the call {@value #TRIES} times and expects {@code status} each time; counts the tries
   * that succeeded, so that the class ends with a table of them.
   */
  private static void refused(String what, Supplier<Http.Answer> call, int status) {
    int succeeded = 0;
    List<String> otherAnswers = new java.util.ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      Http.Answer answer = call.get();
      if (answer.status() / 100 == 2) {
        succeeded++;
      }
      if (answer.status() != status || !answer.contentType().equals("application/problem+json")) {
        otherAnswers.add(answer.status() + " " + answer.contentType());
      }
    }
    synchronized (UNAUTHORISED_SUCCESSES) {
      UNAUTHORISED_SUCCESSES.put(what, succeeded);
    }
    assertThat(otherAnswers).as(what + ": answers other than a " + status + " problem").isEmpty();
  }

  @Test
  void aStrangerCanNeitherReadNorChangePricesNorCreateProducts() {
    refused("anonymous GET /prices", () -> stranger.get("/prices?sku=SKU-00001"), 401);
    refused("anonymous GET /products", () -> stranger.get("/products/SKU-00001"), 401);
    refused(
        "anonymous PUT price",
        () -> stranger.put("/products/SKU-00001/price", "{\"price\":0,\"currency\":\"USD\"}"),
        401);
    refused(
        "anonymous POST /products",
        () ->
            stranger.post(
                "/products",
                "{\"products\":[{\"sku\":\"FREE-1\",\"name\":\"x\",\"price\":0,\"currency\":\"USD\"}]}"),
        401);
    refused("anonymous deliveries", () -> stranger.get("/admin/deliveries"), 401);
    assertThat(stranger.get("/prices?sku=SKU-00001").header("WWW-Authenticate")).isPresent();
  }

  @Test
  void onlyAnOperatorChangesAPrice() {
    String body = "{\"price\":1,\"currency\":\"USD\"}";
    refused(
        "checkout's own token setting a price",
        () -> checkoutAsService.put("/products/SKU-00002/price", body),
        403);
    refused(
        "a client's token (for checkout) setting a price",
        () ->
            scenario
                .catalogHttp
                .as(scenario.topology.clientAuthorization("mallory"))
                .put("/products/SKU-00002/price", body),
        401);
    refused(
        "a forged token setting a price",
        () ->
            scenario
                .catalogHttp
                .as("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcGVyYXRvciJ9.")
                .put("/products/SKU-00002/price", body),
        401);

    assertThat(scenario.catalogHttp.put("/products/SKU-00002/price", body).status())
        .as("the operator")
        .isEqualTo(200);
  }

  @Test
  void anExpiredOperatorTokenIsRefused() {
    Signer yesterday =
        scenario
            .topology
            .identities()
            .authority(Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC));
    String expired =
        "Bearer "
            + yesterday.mint(
                "operator", "catalog", Set.of(Scopes.CATALOG_ADMIN), Duration.ofHours(1));

    refused(
        "an expired operator token",
        () ->
            scenario
                .catalogHttp
                .as(expired)
                .put("/products/SKU-00003/price", "{\"price\":5,\"currency\":\"USD\"}"),
        401);
  }

  @Test
  void checkoutReadsPricesWithItsOwnIdentity() {
    assertThat(checkoutAsService.get("/prices?sku=SKU-00004").status()).isEqualTo(200);
  }

  @Test
  void ordersNeedAClientAndBelongToIt() {
    Http alice = scenario.checkoutHttp;
    Http bob = scenario.checkoutHttp.as(scenario.topology.clientAuthorization("bob"));
    refused(
        "an anonymous order", () -> alice.anonymous().post("/orders", order("SKU-00005", 1)), 401);
    refused(
        "an order with catalog's token",
        () ->
            alice
                .as(scenario.asService("catalog", "checkout", Scopes.PRICES_PUSH))
                .post("/orders", order("SKU-00005", 1)),
        403);

    Http.Answer placed = alice.post("/orders", order("SKU-00005", 1), "Idempotency-Key", "k-1");
    String id = placed.json().get("id").asText();

    assertThat(alice.get("/orders/" + id).status()).isEqualTo(200);
    refused("bob reading alice's order", () -> bob.get("/orders/" + id), 404);
    refused("a stranger reading alice's order", () -> alice.anonymous().get("/orders/" + id), 401);
  }

  @Test
  void idempotencyKeysAreEachClientsOwnAndA409RevealsNothing() {
    Http alice = scenario.checkoutHttp;
    Http bob = scenario.checkoutHttp.as(scenario.topology.clientAuthorization("bob"));
    String key = "shared-" + UUID.randomUUID();
    Http.Answer alicesOrder = alice.post("/orders", order("SKU-00006", 1), "Idempotency-Key", key);

    Http.Answer bobsOrder = bob.post("/orders", order("SKU-00007", 2), "Idempotency-Key", key);
    Http.Answer alicesOtherBody =
        alice.post("/orders", order("SKU-00008", 3), "Idempotency-Key", key);

    assertThat(bobsOrder.status()).as("bob's own order under the same key").isEqualTo(201);
    assertThat(bobsOrder.json().get("id").asText())
        .isNotEqualTo(alicesOrder.json().get("id").asText());
    assertThat(alicesOtherBody.status()).isEqualTo(409);
    assertThat(alicesOtherBody.raw().body())
        .doesNotContain(alicesOrder.json().get("id").asText())
        .doesNotContain("orderId");
  }

  @Test
  void onlyAServiceSubscribesAndOnlyUnderItsOwnNameToAnAllowedCallback() {
    String self = scenario.checkout.url().resolve("/price-updates").toString();
    refused(
        "checkout subscribing as another",
        () -> checkoutAsService.post("/subscribers", subscription("checkout-2", self)),
        403);
    refused(
        "checkout pointing its callback at catalog's admin route",
        () ->
            checkoutAsService.post(
                "/subscribers",
                subscription(
                    "checkout", scenario.catalog.url().resolve("/admin/deliveries").toString())),
        403);
    refused(
        "a link-local callback",
        () ->
            checkoutAsService.post(
                "/subscribers",
                subscription("checkout", "http://169.254.169.254/latest/meta-data")),
        403);
    refused(
        "an operator subscribing",
        () -> scenario.catalogHttp.post("/subscribers", subscription("checkout", self)),
        403);
    refused(
        "a client subscribing",
        () ->
            scenario
                .catalogHttp
                .as(scenario.topology.clientAuthorization("mallory"))
                .post("/subscribers", subscription("checkout", self)),
        401);
    refused("a stranger loading the snapshot", () -> stranger.get("/snapshot?limit=10"), 401);
  }

  private static String order(String sku, int quantity) {
    return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
  }

  private static String subscription(String name, String callback) {
    return "{\"name\":\"" + name + "\",\"callbackUrl\":\"" + callback + "\"}";
  }
}
