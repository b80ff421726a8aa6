package io.interservice.checkout.technique;

/** A unit price in minor units of an ISO-4217 currency, as catalog defines it. */
public record Price(long amount, String currency) {}
