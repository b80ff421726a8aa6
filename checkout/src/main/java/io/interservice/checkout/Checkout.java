package io.interservice.checkout;

import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.Versioned;
import io.interservice.checkout.technique.Price;
import io.interservice.checkout.technique.Pricing;
import io.interservice.service.Problem;
import io.interservice.service.ProblemException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Places orders: honours idempotency keys, prices every line through the configured technique, then
 * stores the order and its lines in one transaction. Thread-safe.
 */
final class Checkout {

  /** What placing an order produced: a new order, or the one an earlier identical request made. */
  record Placed(Order order, boolean replayed) {}

  private static final Logger LOG = Logger.getLogger(Checkout.class.getName());
  private static final long LOG_EVERY_NANOS = 1_000_000_000L;
  private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  private final Pricing pricing;
  private final OrderStore store;
  private final Supplier<UUID> ids;
  private final InstantSource clock;

  Checkout(Pricing pricing, OrderStore store, Supplier<UUID> ids, InstantSource clock) {
    this.pricing = pricing;
    this.store = store;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Places the order.
   *
   * @throws io.interservice.service.ProblemException 409 for a key reused with another request, 422
   *     for unknown skus, 503 when prices cannot be had (nothing is written then)
   */
  Placed place(String client, OrderRequest request, @Nullable String key) throws SQLException {
    String fingerprint = request.fingerprint();
    OrderStore.Owner owner = new OrderStore.Owner(client, key);
    if (key != null) {
      Optional<Placed> earlier = earlier(owner, fingerprint);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Optional<Order> stored =
        switch (pricing) {
          case Pricing.BeforeTransaction before -> {
            Read.Found<String, Price> read = read(before.reader(), request);
            Order priced = order(request, read);
            Read.Found<String, Price> found =
                switch (before.confirmation().confirm(read, priced.total())) {
                  case Read.Unavailable<String, Price> down -> throw unavailable(down);
                  case Read.Found<String, Price> confirmed -> confirmed;
                };
            Order order = found == read ? priced : order(request, found);
            java.time.Instant commitBy = before.deadline().commitBy(found);
            if (commitBy == null) {
              yield store.insert(order, owner, fingerprint);
            }
            try {
              yield store.insertBy(order, owner, fingerprint, commitBy);
            } catch (OrderStore.PastCommitDeadline e) {
              throw staleAtCommit();
            }
          }
          case Pricing.InTransaction in ->
              store.insert(
                  c -> order(request, in.locker().lock(c, skus(request))), owner, fingerprint);
          case Pricing.Deferred deferred -> {
            UUID id = ids.get();
            yield store.insertPending(
                id,
                owner,
                fingerprint,
                request.toJson(),
                deferred.deadline(),
                c -> {
                  deferred.prices().request(c, id, skus(request));
                  return Order.pending(id);
                });
          }
        };
    if (stored.isPresent()) {
      return new Placed(stored.get(), false);
    }
    // another request with the same key committed first
    return earlier(owner, fingerprint)
        .orElseThrow(() -> new IllegalStateException("order with key " + key + " vanished"));
  }

  /**
   * The client a rehearsal orders as: not a name a token can carry (it holds a space), so no
   * client's idempotency key is ever looked up or taken by one.
   */
  private static final String REHEARSAL_CLIENT = "checkout rehearsal";

  private static final byte[] REHEARSAL_BODY =
      ("{\"lines\":[{\"sku\":\"REHEARSAL-1\",\"quantity\":1},{\"sku\":\"REHEARSAL-2\",\"quantity\":2},"
              + "{\"sku\":\"REHEARSAL-3\",\"quantity\":3}]}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /**
   * Rehearses the order path once, committing nothing: a request body parsed and fingerprinted, its
   * idempotency key looked up, an order built from it (with placeholder prices: the technique's own
   * path to catalog has its warm-up), stored with its lines in a transaction that is then rolled
   * back, and written as the answer's JSON, which nobody receives. What it leaves is loaded
   * classes, compiled code and prepared statements on the pool's connections.
   *
   * @param n the rehearsal's number, which makes its idempotency key
   */
  void rehearse(int n) throws SQLException {
    OrderRequest request = OrderRequest.parse(REHEARSAL_BODY);
    String fingerprint = request.fingerprint();
    OrderStore.Owner owner = new OrderStore.Owner(REHEARSAL_CLIENT, "rehearsal-" + n);
    if (earlier(owner, fingerprint).isPresent()) {
      throw new IllegalStateException("a rehearsal's order was committed: " + owner);
    }
    java.util.Map<String, Versioned<Price>> prices = new java.util.HashMap<>();
    java.time.Instant now = clock.instant();
    for (OrderRequest.Line line : request.lines()) {
      prices.put(
          line.sku(),
          new Versioned<>(
              new Price(1, "USD"), io.interservice.access.Provenance.fromOwner(0, now)));
    }
    Order order = order(request, new Read.Found<>(prices, Set.of()));
    store.rehearse(order, owner, fingerprint);
    io.interservice.service.Json.write(order);
  }

  /** Order {@code id} if {@code client} placed it; another client's order is not there for it. */
  Optional<Order> find(String client, UUID id) throws SQLException {
    return store.find(client, id);
  }

  /**
   * With deferred pricing, starts taking the owner's answers and rejecting the orders whose
   * deadline passed (every {@code sweep}); does nothing otherwise.
   */
  void startSettling(Duration sweep) {
    if (!(pricing instanceof Pricing.Deferred deferred)) {
      return;
    }
    deferred.prices().start(this::answer);
    Thread.ofPlatform()
        .daemon()
        .name("order-deadlines")
        .start(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            try {
              Thread.sleep(sweep);
              store.rejectExpired();
            } catch (InterruptedException e) {
              return;
            } catch (SQLException e) {
              LOG.warning("rejecting expired orders failed: " + e);
            }
          }
        });
  }

  /** The owner's answer to the request of order {@code id}: confirm or reject it, once. */
  void answer(UUID id, Read.Found<String, Price> found) throws SQLException {
    store.settle(
        id,
        (orderId, body) -> {
          try {
            return order(orderId, OrderRequest.parse(body), found);
          } catch (ProblemException e) {
            throw new OrderStore.Rejected(e.problem().type().replaceFirst(".*/", ""));
          }
        });
  }

  private Optional<Placed> earlier(OrderStore.Owner owner, String fingerprint) throws SQLException {
    Optional<OrderStore.Keyed> keyed = store.findByKey(owner);
    if (keyed.isEmpty()) {
      return Optional.empty();
    }
    if (!keyed.get().fingerprint().equals(fingerprint)) {
      throw Problem.of(
              409,
              "idempotency-key-reused",
              "Idempotency key reused",
              "the Idempotency-Key was already used for a different order")
          .with("field", "Idempotency-Key")
          .toException();
    }
    return Optional.of(new Placed(keyed.get().order(), true));
  }

  private static Set<String> skus(OrderRequest request) {
    Set<String> skus = new LinkedHashSet<>();
    request.lines().forEach(l -> skus.add(l.sku()));
    return skus;
  }

  private static Read.Found<String, Price> read(
      Reader<String, Price> prices, OrderRequest request) {
    return switch (prices.read(skus(request))) {
      case Read.Unavailable<String, Price> down -> throw unavailable(down);
      case Read.Found<String, Price> found -> found;
    };
  }

  private static RuntimeException staleAtCommit() {
    return Problem.of(
            503,
            "stale-at-commit",
            "Prices too old to commit",
            "the order's prices passed their staleness bound before it could commit; nothing was"
                + " written, retry")
        .with("reason", "stale_at_commit")
        .with("retryAfterSeconds", 1)
        .toException();
  }

  /** The priced order. @throws ProblemException 422 for unknown skus or mixed currencies */
  private Order order(OrderRequest request, Read.Found<String, Price> found) {
    return order(ids.get(), request, found);
  }

  private Order order(UUID id, OrderRequest request, Read.Found<String, Price> found) {
    if (!found.unknown().isEmpty()) {
      throw Problem.of(
              422,
              "unknown-skus",
              "Unknown skus",
              "catalog does not know " + found.unknown().size() + " of the skus ordered")
          .with("unknownSkus", List.copyOf(new java.util.TreeSet<>(found.unknown())))
          .toException();
    }
    List<Order.Line> lines = new ArrayList<>(request.lines().size());
    String currency = null;
    long total = 0;
    for (OrderRequest.Line line : request.lines()) {
      Versioned<Price> price = found.values().get(line.sku());
      if (price == null) {
        throw new IllegalStateException(
            "owner answered neither a price nor unknown for " + line.sku());
      }
      String lineCurrency = price.value().currency();
      if (currency != null && !currency.equals(lineCurrency)) {
        throw Problem.of(
                422,
                "mixed-currencies",
                "Mixed currencies",
                "the skus ordered are priced in " + currency + " and " + lineCurrency)
            .toException();
      }
      currency = lineCurrency;
      try {
        total = Math.addExact(total, Math.multiplyExact(price.value().amount(), line.quantity()));
      } catch (ArithmeticException e) {
        throw Problem.of(
                422,
                "total-too-large",
                "Total too large",
                "the order's total does not fit in 63 bits of minor units")
            .toException();
      }
      lines.add(
          new Order.Line(
              line.sku(),
              line.quantity(),
              price.value().amount(),
              lineCurrency,
              price.provenance().version(),
              price.provenance().source().name(),
              price.provenance().asOf()));
    }
    return new Order(id, "CONFIRMED", total, currency, List.copyOf(lines));
  }

  private static RuntimeException unavailable(Read.Unavailable<String, Price> down) {
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last > LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
      LOG.warning("prices unavailable (" + down.reason() + "): " + down.detail());
    }
    long seconds = Math.max(1, (down.retryAfter().plus(Duration.ofMillis(999))).toSeconds());
    // the reader's detail (exceptions, addresses) goes to the log above, not to the client
    return Problem.of(
            503,
            "owner-unavailable",
            "Prices unavailable",
            down.owner()
                + " could not price the order ("
                + down.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + "); nothing was written, retry later")
        .with("owner", down.owner())
        .with("reason", down.reason().name().toLowerCase(Locale.ROOT))
        .with("retryAfterSeconds", seconds)
        .toException();
  }
}
