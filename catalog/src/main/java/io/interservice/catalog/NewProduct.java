package io.interservice.catalog;

/** A product to create, as the bulk endpoint receives it (validated by {@link Requests}). */
record NewProduct(String sku, String name, long price, String currency) {}
