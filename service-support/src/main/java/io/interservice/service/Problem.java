package io.interservice.service;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param extensions further members, such as {@code field} or {@code unknownSkus}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extensions) {

  private static final String BASE = "https://interservice.dev/problems/";

  /** Copies the extensions. */
  public Problem {
    extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** Members beyond the standard five are written at the top level of the JSON object. */
  @JsonAnyGetter
  @Override
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** A problem of kind {@code slug} with the standard members only. */
  public static Problem of(int status, String slug, String title, @Nullable String detail) {
    return new Problem(BASE + slug, title, status, detail, Map.of());
  }

  /** 400: the request is malformed in {@code field}. */
  public static Problem invalid(String field, String detail) {
    return of(400, "invalid-request", "Invalid request", detail).with("field", field);
  }

  /** The same problem with one more member. */
  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, more);
  }

  /** This problem as an exception, for a handler to throw. */
  public ProblemException toException() {
    return new ProblemException(this);
  }
}
