package io.interservice.lab.fault;

/**
 * {@code schema-change}: catalog renames a column of its products table (a migration of its own
 * schema) and keeps its own API working. The change is not undone when the window ends.
 */
final class SchemaChange implements Fault {
  @Override
  public String name() {
    return "schema-change";
  }

  @Override
  public String summary() {
    return "catalog renames products.price (its own migration); not undone";
  }

  @Override
  public void begin(Target target) throws Exception {
    target.admin().renamePriceColumn();
  }

  @Override
  public void end(Target target) {}
}
