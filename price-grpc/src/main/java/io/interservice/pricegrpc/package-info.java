/**
 * catalog's gRPC method {@code interservice.catalog.Prices/GetPrices}, the second transport of the
 * {@code direct} technique. The messages are encoded in protobuf's wire format by hand (see {@code
 * docs/techniques/direct.md} for the equivalent {@code .proto}).
 */
@NullMarked
package io.interservice.pricegrpc;

import org.jspecify.annotations.NullMarked;
