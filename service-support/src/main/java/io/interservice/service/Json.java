package io.interservice.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;

/** The services' one JSON mapper: strict on input, ISO-8601 instants on output. */
public final class Json {
  /**
   * Rejects unknown fields, nulls for numbers, trailing tokens, floats where integers go, and
   * scalars of the wrong type ({@code "2"} for a number, {@code 2} for a string, {@code "true"} for
   * a boolean).
   */
  public static final ObjectMapper MAPPER =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              com.fasterxml.jackson.databind.type.LogicalType.Textual,
              c -> {
                for (var shape :
                    new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
                      com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                      com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                      com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean
                    }) {
                  c.setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
                }
              })
          .build()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private Json() {}

  /**
   * Parses {@code body} as {@code type}.
   *
   * @throws ProblemException 400 naming the field when the body is not valid for the type
   */
  public static <T> T parse(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw Problem.invalid("body", "the request has no body; a JSON object is expected")
          .toException();
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      String field = path(e);
      throw Problem.invalid(field, "unknown field '" + field + "'").toException();
    } catch (MismatchedInputException e) {
      String field = path(e);
      throw Problem.invalid(
              field, "'" + field + "' has the wrong type or is missing: " + e.getOriginalMessage())
          .toException();
    } catch (JsonMappingException e) {
      String field = path(e);
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
      throw Problem.invalid(field, "'" + field + "' is invalid: " + message).toException();
    } catch (JsonProcessingException e) {
      throw Problem.invalid("body", "malformed JSON: " + e.getOriginalMessage()).toException();
    } catch (IOException e) {
      throw Problem.invalid("body", "unreadable body: " + e.getMessage()).toException();
    }
  }

  /** {@code value} as JSON bytes. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName(), e);
    }
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    if (path.isEmpty()) {
      return "body";
    }
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
