package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescerTest {
  private final Coalescer<String, String> coalescer = new Coalescer<>();

  @Test
  void identicalRequestsInFlightShareOneExecution() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger executions = new AtomicInteger();
    List<CompletableFuture<String>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 10; i++) {
        results.add(
            CompletableFuture.supplyAsync(
                () ->
                    coalescer.run(
                        "A,B",
                        () -> {
                          executions.incrementAndGet();
                          awaitRelease(release);
                          return "prices";
                        }),
                pool));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> coalescer.joined() == 9);
      release.countDown();
      for (CompletableFuture<String> r : results) {
        assertThat(r.get(5, TimeUnit.SECONDS)).isEqualTo("prices");
      }
    }
    assertThat(executions).hasValue(1);
  }

  @Test
  void aRequestAfterTheFirstCompletedRunsAgain() {
    Coalescer<String, Integer> counting = new Coalescer<>();
    AtomicInteger executions = new AtomicInteger();
    counting.run("A", executions::incrementAndGet);
    counting.run("A", executions::incrementAndGet);
    assertThat(executions).hasValue(2);
    assertThat(counting.joined()).isZero();
  }

  @Test
  void differentRequestsDoNotWaitForEachOther() {
    assertThat(coalescer.run("A", () -> "a")).isEqualTo("a");
    assertThat(coalescer.run("B", () -> "b")).isEqualTo("b");
  }

  private static void awaitRelease(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
