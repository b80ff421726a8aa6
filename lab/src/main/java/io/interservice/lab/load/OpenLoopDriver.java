package io.interservice.lab.load;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Sends orders at a fixed rate whatever the answers (open loop), and measures each one's latency
 * from the instant it was meant to be sent, so that a slow server cannot hide its queueing (no
 * coordinated omission). Bounded in count (rate × time) and in time (each request times out).
 */
public final class OpenLoopDriver {

  /**
   * The load.
   *
   * @param rate orders per second
   * @param warmup time at the start whose requests are sent but not measured
   * @param duration measured time
   * @param products products 1..n to order from
   * @param skew 0 for uniform popularity, else the Zipf exponent
   * @param seed seed of carts and skus; the same seed sends the same orders
   * @param maxInFlight requests outstanding at most; past it, requests are dropped and counted
   * @param requestTimeout how long one request may take
   */
  public record Config(
      double rate,
      Duration warmup,
      Duration duration,
      int products,
      double skew,
      long seed,
      int maxInFlight,
      Duration requestTimeout) {

    /** Validates the fields. */
    public Config {
      if (!(rate > 0 && rate <= 100_000)) {
        throw new IllegalArgumentException("rate must be in (0, 100000], was " + rate);
      }
      if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
        throw new IllegalArgumentException("duration must be positive and warmup >= 0");
      }
    }
  }

  /**
   * What the driver saw.
   *
   * @param offered requests meant to be sent in the measured part
   * @param outcomes their outcomes
   * @param latency latency in microseconds of the measured successes, from intended send time
   * @param timeline outcomes per second of the measured part
   * @param acknowledged ids of every order acknowledged, warm-up included
   * @param accepted the measured orders accepted as pending ({@code 202}), whose outcome and
   *     latency come with {@link #settle}
   * @param reasons measured failures by status and the problem's {@code reason} (or {@code type}),
   *     e.g. {@code "503 circuit_open"}; {@code "timeout"} and {@code "dropped"} for no answer
   * @param halves the latency of the successes sent in the first and in the second half of the
   *     measured part, to tell whether it was stationary
   */
  public record Result(
      long offered,
      Map<Outcome, Long> outcomes,
      Map<String, Long> reasons,
      Histogram latency,
      Timeline timeline,
      List<UUID> acknowledged,
      List<Accepted> accepted,
      List<Histogram> halves) {

    /** The half of the measured part that second {@code second} falls in: 0 or 1. */
    int half(double second) {
      return second < timeline.seconds() / 2.0 ? 0 : 1;
    }

    public long ok() {
      return outcomes.getOrDefault(Outcome.OK, 0L);
    }

    public long failed() {
      return offered - ok();
    }
  }

  /**
   * A measured order accepted as pending.
   *
   * @param id its id
   * @param intendedEpochMicros when it was meant to be sent, wall clock, µs since the epoch
   * @param second its offset into the measured part, in seconds
   */
  public record Accepted(UUID id, long intendedEpochMicros, double second) {}

  /**
   * How an accepted order ended, as checkout's database says.
   *
   * @param status {@code CONFIRMED}, {@code REJECTED} or {@code PENDING}
   * @param reason a rejection's reason
   * @param settledEpochMicros when it was settled (its commit), µs since the epoch
   */
  public record Settled(String status, @Nullable String reason, long settledEpochMicros) {}

  /**
   * {@code result} with its accepted orders counted: a confirmed one is a success whose latency
   * runs from its intended send time to its confirmation's commit; a rejected one a failure by its
   * reason; one still pending (or unknown) a timeout. No polling disturbs the system measured.
   */
  public static Result settle(Result result, Map<UUID, Settled> settled) {
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    outcomes.putAll(result.outcomes());
    Map<String, Long> reasons = new TreeMap<>(result.reasons());
    for (Accepted a : result.accepted()) {
      Settled s = settled.get(a.id());
      Outcome outcome;
      if (s != null && s.status().equals("CONFIRMED")) {
        outcome = Outcome.OK;
        long micros = Math.max(1, s.settledEpochMicros() - a.intendedEpochMicros());
        result.latency().recordValue(micros);
        result.halves().get(result.half(a.second())).recordValue(micros);
      } else if (s != null && s.status().equals("REJECTED")) {
        outcome = Outcome.ERROR;
        reasons.merge("rejected " + s.reason(), 1L, Long::sum);
      } else {
        outcome = Outcome.TIMEOUT;
        reasons.merge("pending", 1L, Long::sum);
      }
      outcomes.merge(outcome, 1L, Long::sum);
      result.timeline().record(a.second(), outcome);
    }
    return new Result(
        result.offered(),
        outcomes,
        reasons,
        result.latency(),
        result.timeline(),
        result.acknowledged(),
        List.of(),
        result.halves());
  }

  /** Progress, about once a second: seconds elapsed (warm-up included), successes, failures. */
  public record Progress(long elapsedSeconds, long totalSeconds, long ok, long failed) {}

  private static final String TIMEOUT = "timeout";
  private static final String ACCEPTED = "accepted ";
  private static final Pattern REASON = field("reason");
  private static final Pattern TYPE = field("type");

  private OpenLoopDriver() {}

  /** Runs the load against checkout at {@code checkout} and returns what it saw. */
  public static Result run(Client checkout, Config config, Consumer<Progress> progress) {
    return run(checkout, config, progress, () -> {});
  }

  /**
   * As {@link #run(Client, Config, Consumer)}, running {@code atHalf} (on a thread of its own) when
   * the first request of the measured part's second half is due: what is counted elsewhere can be
   * split at the same instant as the driver's halves.
   */
  public static Result run(
      Client checkout, Config config, Consumer<Progress> progress, Runnable atHalf) {
    long intervalNanos = (long) (1e9 / config.rate());
    long warmupNanos = config.warmup().toNanos();
    long totalNanos = warmupNanos + config.duration().toNanos();
    long count = (long) Math.floor(config.rate() * totalNanos / 1e9);
    int measuredSeconds = (int) Math.ceil(config.duration().toMillis() / 1000.0);
    Timeline timeline = new Timeline(measuredSeconds);
    Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
    List<Histogram> halves =
        List.of(
            new ConcurrentHistogram(3_600_000_000L, 3), new ConcurrentHistogram(3_600_000_000L, 3));
    Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, new AtomicLong());
    }
    ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    ConcurrentHashMap<String, LongAdder> reasons = new ConcurrentHashMap<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong okAll = new AtomicLong();
    AtomicLong failedAll = new AtomicLong();
    SplittableRandom random = new SplittableRandom(config.seed());
    SkuPicker skus = new SkuPicker(config.products(), config.skew(), random.split());
    long offered = 0;
    long start = System.nanoTime() + 20_000_000;
    long startEpochMicros =
        java.time.temporal.ChronoUnit.MICROS.between(
                java.time.Instant.EPOCH, java.time.Instant.now())
            + 20_000;
    long measureStart = start + warmupNanos;
    long half = measureStart + config.duration().toNanos() / 2;
    boolean halfRun = false;
    long nextProgress = start + 1_000_000_000;
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < count; i++) {
        long intended = start + i * intervalNanos;
        String body = cart(random, skus);
        long now;
        while ((now = System.nanoTime()) < intended) {
          LockSupport.parkNanos(intended - now);
        }
        if (now >= nextProgress) {
          progress.accept(
              new Progress(
                  (now - start) / 1_000_000_000,
                  totalNanos / 1_000_000_000,
                  okAll.get(),
                  failedAll.get()));
          nextProgress += 1_000_000_000;
        }
        if (!halfRun && intended >= half) {
          halfRun = true;
          Thread.ofVirtual().name("at-half").start(atHalf);
        }
        boolean measured = intended >= measureStart;
        double second = (intended - measureStart) / 1e9;
        if (measured) {
          offered++;
        }
        if (inFlight.get() >= config.maxInFlight()) {
          failedAll.incrementAndGet();
          if (measured) {
            outcomes.get(Outcome.DROPPED).incrementAndGet();
            timeline.record(second, Outcome.DROPPED);
            count(reasons, "dropped");
          }
          continue;
        }
        inFlight.incrementAndGet();
        senders.execute(() -> {
          try {
            String failure = send(checkout, body, config.requestTimeout(), acknowledged);
            if (failure != null && failure.startsWith(ACCEPTED)) {
              // settled later, from checkout's database: no polling disturbs what is measured
              if (measured) {
                accepted.add(
                    new Accepted(
                        UUID.fromString(failure.substring(ACCEPTED.length())),
                        startEpochMicros + (intended - start) / 1000,
                        second));
              }
              okAll.incrementAndGet();
              return;
            }
            Outcome outcome = outcome(failure);
            long micros = (System.nanoTime() - intended) / 1000;
            (outcome == Outcome.OK ? okAll : failedAll).incrementAndGet();
            if (measured) {
              outcomes.get(outcome).incrementAndGet();
              if (failure != null) {
                count(reasons, failure);
              }
              timeline.record(second, outcome);
              if (outcome == Outcome.OK) {
                latency.recordValue(Math.max(1, micros));
                halves.get(second < measuredSeconds / 2.0 ? 0 : 1).recordValue(Math.max(1, micros));
              }
            }
          } finally {
            inFlight.decrementAndGet();
          }
        });
      }
    }
    Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
    outcomes.forEach((k, v) -> totals.put(k, v.get()));
    Map<String, Long> reasonTotals = new TreeMap<>();
    reasons.forEach((k, v) -> reasonTotals.put(k, v.sum()));
    return new Result(
        offered,
        totals,
        reasonTotals,
        latency,
        timeline,
        List.copyOf(acknowledged),
        List.copyOf(accepted),
        halves);
  }

  private static void count(ConcurrentHashMap<String, LongAdder> reasons, String reason) {
    reasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /**
   * Sends one order; null when acknowledged, {@code "accepted <id>"} when accepted as pending
   * ({@code 202}), else why not ({@link #failure}).
   */
  private static @Nullable String send(
      Client checkout, String body, Duration timeout, ConcurrentLinkedQueue<UUID> acknowledged) {
    Orders.Answer response = Orders.post(checkout, body, timeout);
    int status = response.status();
    if (status < 0) {
      return TIMEOUT;
    }
    if (status / 100 == 2) {
      UUID id = orderId(response.body());
      acknowledged.add(id);
      return status == 202 ? ACCEPTED + id : null;
    }
    return failure(status, response.body());
  }

  /** A failed answer as {@code "<status> <reason>"}: the problem's reason, else its type. */
  static String failure(int status, String body) {
    Matcher reason = REASON.matcher(body);
    if (reason.find()) {
      return status + " " + reason.group(1);
    }
    Matcher type = TYPE.matcher(body);
    return type.find() ? status + " " + type.group(1) : String.valueOf(status);
  }

  private static Pattern field(String name) {
    return Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]{1,80})\"");
  }

  private static Outcome outcome(@Nullable String failure) {
    if (failure == null) {
      return Outcome.OK;
    }
    if (failure.equals(TIMEOUT)) {
      return Outcome.TIMEOUT;
    }
    return failure.startsWith("503") ? Outcome.UNAVAILABLE : Outcome.ERROR;
  }

  /** The order id of a 2xx answer: {@code {"id":"<uuid>",...}}. */
  static UUID orderId(String body) {
    int at = body.indexOf("\"id\":\"");
    if (at < 0) {
      throw new IllegalStateException("acknowledged order without an id: " + body);
    }
    return UUID.fromString(body.substring(at + 6, at + 6 + 36));
  }

  /** A cart of 1 to 10 distinct skus, each 1 to 3 of. */
  static String cart(SplittableRandom random, SkuPicker skus) {
    int lines = 1 + random.nextInt(10);
    Set<String> chosen = new HashSet<>();
    StringBuilder body = new StringBuilder("{\"lines\":[");
    for (int attempt = 0; chosen.size() < lines && attempt < lines * 4; attempt++) {
      String sku = skus.nextSku();
      if (chosen.add(sku)) {
        if (chosen.size() > 1) {
          body.append(',');
        }
        body.append("{\"sku\":\"")
            .append(sku)
            .append("\",\"quantity\":")
            .append(1 + random.nextInt(3))
            .append('}');
      }
    }
    return body.append("]}").toString();
  }
}
