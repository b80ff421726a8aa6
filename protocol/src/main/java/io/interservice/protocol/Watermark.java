package io.interservice.protocol;

/**
 * How a watermark travels on a broker topic among the owner's changes: "every change the owner
 * committed before this instant is ahead of this record in its partition". The owner's sink writes
 * one to every partition; a consumer's replica is complete up to the oldest of the latest it read
 * on each partition.
 */
public final class Watermark {
  /** The record's key (compaction keeps the latest per partition). */
  public static final String KEY = "_watermark";

  /** The header that marks a watermark record; its value is the instant in ISO-8601 (UTF-8). */
  public static final String HEADER = "interservice-watermark";

  /** The CloudEvents type of the record's value, for consumers that read only values. */
  public static final String TYPE = "io.interservice.outbox.watermark";

  private Watermark() {}
}
