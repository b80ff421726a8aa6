package io.interservice.access.http;

import io.interservice.access.Read;
import java.io.IOException;
import java.util.Set;

/** How keys become a quote request's body, and a done quote's body becomes a read. */
public interface QuoteCodec<K, V> {

  /** The JSON body of {@code POST} to the quotes URL for {@code keys}. */
  byte[] request(Set<K> keys) throws IOException;

  /** What a done quote ({@code 200}) says. */
  Read.Found<K, V> answer(byte[] body) throws IOException;
}
