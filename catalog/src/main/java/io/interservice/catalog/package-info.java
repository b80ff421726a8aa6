/** The owner service: products, their prices and the price history. */
@NullMarked
package io.interservice.catalog;

import org.jspecify.annotations.NullMarked;
