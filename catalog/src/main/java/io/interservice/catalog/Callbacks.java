package io.interservice.catalog;

import io.interservice.service.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The origins ({@code scheme://host:port}) the operator lets push callbacks point at ({@code
 * --push-callbacks}, comma-separated). Nothing else is called: not catalog itself, not a loopback
 * or link-local address, unless listed. Immutable.
 */
record Callbacks(Set<String> origins) {
  Callbacks {
    origins = Set.copyOf(origins);
  }

  /**
   * Parses the allowlist.
   *
   * @throws IllegalArgumentException naming an entry that is not an origin
   */
  static Callbacks parse(String list) {
    Set<String> origins = new HashSet<>();
    for (String entry : list.split(",")) {
      String origin = origin(entry.trim());
      if (origin == null) {
        throw new IllegalArgumentException(
            "--push-callbacks takes origins such as http://checkout.internal:8082, not '"
                + entry.trim()
                + "'");
      }
      origins.add(origin);
    }
    return new Callbacks(origins);
  }

  /**
   * Accepts {@code url} when its origin is listed.
   *
   * @throws io.interservice.service.ProblemException 403 naming {@code callbackUrl} otherwise
   */
  void check(String url) {
    String origin = origin(url);
    if (origin == null || !origins.contains(origin)) {
      throw Problem.of(
              403,
              "callback-not-allowed",
              "Callback not allowed",
              "the callback URL's origin is not on catalog's allowlist (--push-callbacks)")
          .with("field", "callbackUrl")
          .toException();
    }
  }

  /** {@code scheme://host:port} of an http(s) URL without user info, or null. */
  private static @org.jspecify.annotations.Nullable String origin(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawFragment() != null) {
        return null;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
