package io.interservice.lab.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** {@code results.json}: snake_case names, indented. */
public final class Results {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Results() {}

  /** Writes {@code comparison} to {@code file}. */
  public static void write(Comparison comparison, Path file) throws IOException {
    JSON.writeValue(file.toFile(), comparison);
  }

  /** Reads a {@code results.json}. */
  public static Comparison read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Comparison.class);
  }

  /** The comparison as compact JSON, for embedding in the HTML report. */
  static String compact(Comparison comparison) throws IOException {
    return JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(comparison);
  }
}
