package io.interservice.access.internal;

import io.interservice.access.RetryPolicy;

/**
 * A token bucket for retries: each read deposits {@code ratio} of a token, each retry takes one,
 * the bucket holds at most {@code reserve} tokens and starts full. Thread-safe.
 */
final class RetryBudget {
  private final double ratio;
  private final double reserve;
  private double balance;

  RetryBudget(RetryPolicy policy) {
    this.ratio = policy.budgetRatio();
    this.reserve = policy.budgetReserve();
    this.balance = reserve;
  }

  synchronized void deposit() {
    balance = Math.min(reserve, balance + ratio);
  }

  synchronized boolean tryWithdraw() {
    if (balance >= 1) {
      balance -= 1;
      return true;
    }
    return false;
  }
}
