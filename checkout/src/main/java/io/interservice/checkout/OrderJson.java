package io.interservice.checkout;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.interservice.service.IsoInstants;
import java.io.IOException;

/**
 * An order as JSON, written field by field in the order of its components, as Jackson's binding of
 * the record wrote it (the same bytes, {@code OrderJsonTest}): that binding called each accessor by
 * reflection and each instant through the JDK's formatter, 12 % of checkout's CPU per order.
 */
final class OrderJson extends StdSerializer<Order> {
  private static final long serialVersionUID = 1L;

  OrderJson() {
    super(Order.class);
  }

  @Override
  public void serialize(Order order, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", order.id().toString());
    json.writeStringField("status", order.status());
    json.writeNumberField("total", order.total());
    json.writeStringField("currency", order.currency());
    json.writeArrayFieldStart("lines");
    for (Order.Line line : order.lines()) {
      json.writeStartObject();
      json.writeStringField("sku", line.sku());
      json.writeNumberField("quantity", line.quantity());
      json.writeNumberField("unitPrice", line.unitPrice());
      json.writeStringField("currency", line.currency());
      json.writeNumberField("priceVersion", line.priceVersion());
      json.writeStringField("source", line.source());
      json.writeStringField("asOf", IsoInstants.format(line.asOf()));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("reason", order.reason());
    json.writeEndObject();
  }
}
