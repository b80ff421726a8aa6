package io.interservice.access;

/**
 * What a reader has done since it was built.
 *
 * @param reads calls to {@link Reader#read}
 * @param ownerCalls requests sent to the owner, retries included
 * @param retries owner requests that were retries
 * @param coalesced reads served by joining an identical read already in flight
 * @param rejected reads answered {@link Read.Unavailable} without asking the owner
 * @param unavailable reads answered {@link Read.Unavailable} for any reason
 */
public record ReaderStats(
    long reads, long ownerCalls, long retries, long coalesced, long rejected, long unavailable) {}
