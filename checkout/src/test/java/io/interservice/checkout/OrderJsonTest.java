package io.interservice.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.interservice.service.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderJsonTest {
  /** The services' mapper binding the record itself, as it did before the serializer. */
  private static final ObjectMapper BOUND =
      Json.MAPPER.copy().setAnnotationIntrospector(NopAnnotationIntrospector.instance);

  private static final UUID ID = UUID.fromString("5f0c3a4e-8a43-4c0b-9d57-2f3a1b6c7d8e");

  @Test
  void aConfirmedOrderIsWrittenAsTheRecordWasBound() throws Exception {
    Order order =
        new Order(
            ID,
            "CONFIRMED",
            2_397,
            "EUR",
            List.of(
                new Order.Line(
                    "SKU-00001", 2, 999, "EUR", 7, "OWNER", Instant.parse("2026-11-30T12:00:00Z")),
                new Order.Line(
                    "SKU-00017",
                    1,
                    399,
                    "EUR",
                    1,
                    "REPLICA",
                    Instant.parse("2026-11-30T12:00:00.123456Z"))));
    assertThat(written(order)).isEqualTo(BOUND.writeValueAsString(order));
  }

  @Test
  void pendingAndRejectedOrdersKeepTheirNulls() throws Exception {
    Order pending = Order.pending(ID);
    Order rejected = new Order(ID, "REJECTED", 0, null, List.of(), "a \"quoted\" reason\n");
    assertThat(written(pending)).isEqualTo(BOUND.writeValueAsString(pending));
    assertThat(written(rejected)).isEqualTo(BOUND.writeValueAsString(rejected));
    assertThat(written(pending)).contains("\"currency\":null");
  }

  private static String written(Order order) {
    return new String(Json.write(order), StandardCharsets.UTF_8);
  }
}
