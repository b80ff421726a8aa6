package io.interservice.checkout.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.interservice.access.Access;
import io.interservice.access.Read;
import io.interservice.pricegrpc.PricesGrpc;
import io.interservice.pricegrpc.PricesReply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Catalog's answers are not trusted (OWASP API10): over every transport, an answer with a missing
 * or negative price, an unknown currency, a sku not asked for or an oversized body is catalog
 * failing, never a price.
 */
class HostileOwnerTest {
  private static final Supplier<String> TOKEN = () -> "Bearer test";
  private static final String GOOD =
      "{\"sku\":\"SKU-1\",\"price\":100,\"currency\":\"USD\",\"version\":3,\"asOf\":\"2026-01-01T00:00:00Z\"}";

  static Stream<Arguments> hostileBodies() {
    return Stream.of(
        Arguments.of("a missing price", GOOD.replace("\"price\":100,", "")),
        Arguments.of("a negative price", GOOD.replace("\"price\":100", "\"price\":-100")),
        Arguments.of("a price as text", GOOD.replace("\"price\":100", "\"price\":\"100\"")),
        Arguments.of("an unknown currency", GOOD.replace("USD", "XYZ")),
        Arguments.of("a currency in lower case", GOOD.replace("USD", "usd")),
        Arguments.of("a missing version", GOOD.replace("\"version\":3,", "")),
        Arguments.of("a sku not asked for", GOOD.replace("SKU-1", "SKU-2")),
        Arguments.of("a null price entry", "null"),
        Arguments.of(
            "an oversized body",
            GOOD.replace("SKU-1", "SKU-1\",\"pad\":\"" + "x".repeat(300_000))));
  }

  /**
   * A fake catalog on a free port whose {@code GET /prices} answers 200 with the JSON body {@code
   * answer} makes of each request; started, stop it when done.
   */
  private static HttpServer owner(java.util.function.Function<HttpExchange, byte[]> answer)
      throws IOException {
    HttpServer owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    owner.createContext(
        "/prices",
        exchange -> {
          byte[] body = answer.apply(exchange);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    owner.start();
    return owner;
  }

  private static String url(HttpServer owner) {
    return "http://127.0.0.1:" + owner.getAddress().getPort();
  }

  private static byte[] answer(String price) {
    return ("{\"prices\":[" + price + "],\"unknown\":[]}").getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "HTTP: {0}")
  @MethodSource("hostileBodies")
  void overHttpAHostileAnswerIsCatalogFailing(String what, String price) throws Exception {
    HttpServer owner = owner(exchange -> answer(price));
    try {
      Read<String, Price> read =
          Access.direct("catalog", new CatalogHttpClient(url(owner), Duration.ofSeconds(1), TOKEN))
              .deadline(Duration.ofSeconds(2))
              .build()
              .read(Set.of("SKU-1"));

      assertThat(read).as(what).isInstanceOf(Read.Unavailable.class);
      assertThat(((Read.Unavailable<String, Price>) read).reason())
          .isEqualTo(Read.Reason.OWNER_FAILED);
    } finally {
      owner.stop(0);
    }
  }

  @Test
  void overHttpEverySkuOfABatchIsAskedInOneRequestWithTheCallersCredentials() throws Exception {
    java.util.List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer owner =
        owner(exchange -> {
          queries.add(exchange.getRequestURI().getRawQuery());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          java.util.StringJoiner prices = new java.util.StringJoiner(",");
          for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            prices.add(GOOD.replace("SKU-1", pair.substring("sku=".length())));
          }
          return answer(prices.toString());
        });
    try {
      Read<String, Price> read =
          Access.direct("catalog", new CatalogHttpClient(url(owner), Duration.ofSeconds(1), TOKEN))
              .warmUp(Set.of("SKU-0"), 0)
              .build()
              .read(Set.of("SKU-1", "SKU-2", "SKU-3"));

      assertThat(read).isInstanceOf(Read.Found.class);
      assertThat(((Read.Found<String, Price>) read).values())
          .containsOnlyKeys("SKU-1", "SKU-2", "SKU-3");
      assertThat(queries).hasSize(1);
      assertThat(queries.get(0).split("&"))
          .containsExactlyInAnyOrder("sku=SKU-1", "sku=SKU-2", "sku=SKU-3");
      assertThat(authorizations).containsExactly(TOKEN.get());
    } finally {
      owner.stop(0);
    }
  }

  @ParameterizedTest(name = "a price quote: {0}")
  @MethodSource("hostileBodies")
  void aHostileQuoteIsCatalogFailing(String what, String price) {
    if (what.equals("a sku not asked for") || what.equals("an oversized body")) {
      return; // the reader and the HTTP client catch these, tested above
    }
    assertThatThrownBy(() -> PriceCodecs.QUOTES.answer(answer(price)))
        .as(what)
        .isInstanceOf(IOException.class);
  }

  static Stream<Arguments> hostileChanges() {
    String good =
        "{\"sku\":\"SKU-1\",\"price\":100,\"currency\":\"USD\",\"version\":3,\"changedAt\":\"2026-01-01T00:00:00Z\"}";
    return Stream.of(
        Arguments.of("a missing price", good.replace("\"price\":100,", "")),
        Arguments.of("a negative price", good.replace("\"price\":100", "\"price\":-1")),
        Arguments.of("an unknown currency", good.replace("USD", "QQQ")),
        Arguments.of("version 0", good.replace("\"version\":3", "\"version\":0")),
        Arguments.of("no sku", good.replace("\"sku\":\"SKU-1\",", "")));
  }

  @ParameterizedTest(name = "a push: {0}")
  @MethodSource("hostileChanges")
  void aHostilePushIsRefused(String what, String body) {
    assertThatThrownBy(() -> PriceCodecs.PUSH.delivery(body.getBytes(StandardCharsets.UTF_8)))
        .as(what)
        .isInstanceOf(IOException.class);
  }

  @ParameterizedTest(name = "an event: {0}")
  @MethodSource("hostileChanges")
  void aHostileEventIsRefused(String what, String body) {
    String data = body.replace("changedAt", "validFrom");
    String event =
        "{\"specversion\":\"1.0\",\"type\":\"io.interservice.catalog.price-changed\",\"subject\":\"SKU-1\",\"data\":"
            + data
            + "}";
    assertThatThrownBy(() ->
            PriceCodecs.EVENTS.decode(
                "SKU-1".getBytes(StandardCharsets.UTF_8), event.getBytes(StandardCharsets.UTF_8)))
        .as(what)
        .isInstanceOf(IOException.class);
  }

  @ParameterizedTest(name = "gRPC: {0}")
  @MethodSource("hostileReplies")
  void overGrpcAHostileReplyIsCatalogFailing(String what, PricesReply reply) throws Exception {
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(PricesGrpc.SERVICE_NAME)
            .addMethod(
                PricesGrpc.getGetPricesMethod(),
                ServerCalls.asyncUnaryCall((request, response) -> {
                  response.onNext(reply);
                  response.onCompleted();
                }))
            .build();
    Server owner =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .build()
            .start();
    try {
      CatalogGrpcClient client = new CatalogGrpcClient("127.0.0.1:" + owner.getPort(), TOKEN);
      Read<String, Price> read =
          Access.direct("catalog", client)
              .deadline(Duration.ofSeconds(2))
              .build()
              .read(Set.of("SKU-1"));

      assertThat(read).as(what).isInstanceOf(Read.Unavailable.class);
    } finally {
      owner.shutdownNow();
    }
  }

  static Stream<Arguments> hostileReplies() {
    io.interservice.pricegrpc.Price good =
        io.interservice.pricegrpc.Price.newBuilder()
            .setSku("SKU-1")
            .setPrice(100)
            .setCurrency("USD")
            .setVersion(3)
            .setAsOfMicros(1_700_000_000_000_000L)
            .build();
    return Stream.of(
        Arguments.of("a missing price", reply(good.toBuilder().clearPrice().build())),
        Arguments.of("a negative price", reply(good.toBuilder().setPrice(-5).build())),
        Arguments.of("an unknown currency", reply(good.toBuilder().setCurrency("ABC").build())),
        Arguments.of("a sku not asked for", reply(good.toBuilder().setSku("SKU-9").build())),
        Arguments.of(
            "an oversized reply",
            reply(
                good.toBuilder()
                    .setSku("SKU-1" + "x".repeat(CatalogHttpClient.MAX_ANSWER))
                    .build())));
  }

  private static PricesReply reply(io.interservice.pricegrpc.Price price) {
    return PricesReply.newBuilder().addPrices(price).build();
  }

  @ParameterizedTest(name = "a well-formed answer still reads: {0}")
  @MethodSource("fine")
  void aWellFormedAnswerIsAPrice(String what, long amount) throws IOException {
    Read.Found<String, Price> found =
        PriceBodies.fromJson(answer(GOOD.replace("\"price\":100", "\"price\":" + amount)));

    assertThat(found.values().get("SKU-1").value()).isEqualTo(new Price(amount, "USD"));
  }

  static Stream<Arguments> fine() {
    return Stream.of(Arguments.of("a free product", 0L), Arguments.of("a priced one", 100L));
  }
}
