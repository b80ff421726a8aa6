package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void startsFullAndThenAllowsRetriesInProportionToReads() {
    RetryBudget budget = new RetryBudget(new RetryPolicy(5, Duration.ZERO, Duration.ZERO, 0.2, 10));
    int retries = 0;
    for (int read = 0; read < 1_000; read++) {
      budget.deposit();
      while (budget.tryWithdraw()) {
        retries++;
      }
    }
    assertThat(retries).isBetween(200, 210);
  }

  @Test
  void neverHoldsMoreThanItsReserve() {
    RetryBudget budget = new RetryBudget(new RetryPolicy(5, Duration.ZERO, Duration.ZERO, 0.5, 3));
    for (int read = 0; read < 100; read++) {
      budget.deposit();
    }
    int retries = 0;
    while (budget.tryWithdraw()) {
      retries++;
    }
    assertThat(retries).isEqualTo(3);
  }
}
