package io.interservice.pricegrpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract, equivalent to:
 *
 * <pre>
 * service Prices { rpc GetPrices (PricesRequest) returns (PricesReply); }
 * message PricesRequest { repeated string sku = 1; }
 * message PricesReply { repeated Price prices = 1; repeated string unknown = 2; }
 * message Price { string sku = 1; int64 price = 2; string currency = 3; int64 version = 4;
 *                 int64 as_of_micros = 5; }
 * </pre>
 */
public final class PricesGrpc {
  /** The service's full name. */
  public static final String SERVICE = "interservice.catalog.Prices";

  /** A request: the skus asked for. */
  public record PricesRequest(List<String> skus) {}

  /** One price; {@code asOfMicros} is microseconds since the epoch, owner time. */
  public record Price(String sku, long price, String currency, long version, long asOfMicros) {}

  /** A reply: the prices found and the skus unknown. */
  public record PricesReply(List<Price> prices, List<String> unknown) {}

  /** {@code GetPrices}, unary. */
  public static final MethodDescriptor<PricesRequest, PricesReply> GET_PRICES =
      MethodDescriptor.<PricesRequest, PricesReply>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "GetPrices"))
          .setRequestMarshaller(new Codec<>(PricesGrpc::writeRequest, PricesGrpc::readRequest))
          .setResponseMarshaller(new Codec<>(PricesGrpc::writeReply, PricesGrpc::readReply))
          .build();

  private PricesGrpc() {}

  private interface Writer<T> {
    void write(T value, CodedOutputStream out) throws IOException;
  }

  private interface Parser<T> {
    T read(CodedInputStream in) throws IOException;
  }

  private record Codec<T>(Writer<T> writer, Parser<T> parser)
      implements MethodDescriptor.Marshaller<T> {
    @Override
    public InputStream stream(T value) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      try {
        writer.write(value, out);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Override
    public T parse(InputStream stream) {
      try {
        return parser.read(CodedInputStream.newInstance(stream));
      } catch (IOException e) {
        throw new IllegalArgumentException("malformed message: " + e.getMessage(), e);
      }
    }
  }

  static void writeRequest(PricesRequest r, CodedOutputStream out) throws IOException {
    for (String sku : r.skus()) {
      out.writeString(1, sku);
    }
  }

  static PricesRequest readRequest(CodedInputStream in) throws IOException {
    List<String> skus = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == 1) {
        skus.add(in.readString());
      } else {
        in.skipField(tag);
      }
    }
    return new PricesRequest(List.copyOf(skus));
  }

  static void writeReply(PricesReply r, CodedOutputStream out) throws IOException {
    for (Price p : r.prices()) {
      out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(size(p));
      writePrice(p, out);
    }
    for (String sku : r.unknown()) {
      out.writeString(2, sku);
    }
  }

  static PricesReply readReply(CodedInputStream in) throws IOException {
    List<Price> prices = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> {
          int limit = in.pushLimit(in.readRawVarint32());
          prices.add(readPrice(in));
          in.popLimit(limit);
        }
        case 2 -> unknown.add(in.readString());
        default -> in.skipField(tag);
      }
    }
    return new PricesReply(List.copyOf(prices), List.copyOf(unknown));
  }

  private static int size(Price p) {
    return CodedOutputStream.computeStringSize(1, p.sku())
        + CodedOutputStream.computeInt64Size(2, p.price())
        + CodedOutputStream.computeStringSize(3, p.currency())
        + CodedOutputStream.computeInt64Size(4, p.version())
        + CodedOutputStream.computeInt64Size(5, p.asOfMicros());
  }

  private static void writePrice(Price p, CodedOutputStream out) throws IOException {
    out.writeString(1, p.sku());
    out.writeInt64(2, p.price());
    out.writeString(3, p.currency());
    out.writeInt64(4, p.version());
    out.writeInt64(5, p.asOfMicros());
  }

  private static Price readPrice(CodedInputStream in) throws IOException {
    String sku = "";
    long price = 0;
    String currency = "";
    long version = 0;
    long asOf = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> sku = in.readString();
        case 2 -> price = in.readInt64();
        case 3 -> currency = in.readString();
        case 4 -> version = in.readInt64();
        case 5 -> asOf = in.readInt64();
        default -> in.skipField(tag);
      }
    }
    return new Price(sku, price, currency, version, asOf);
  }
}
