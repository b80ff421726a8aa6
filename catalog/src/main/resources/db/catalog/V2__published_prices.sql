-- The data domain: what catalog publishes for other services to read, in a schema it owns and
-- shares on purpose. The view is the contract; catalog's own tables stay private.
-- The schema is made by whoever sets the database up (owned by catalog); created here only if
-- it is missing and catalog may create schemas.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'catalog_published') THEN
    CREATE SCHEMA catalog_published;
  END IF;
END $$;

CREATE VIEW catalog_published.prices AS
  SELECT sku, price, currency, version, updated_at FROM catalog.products;

-- Prices of the given skus (through the view, so that it survives renames in catalog's own
-- tables), their rows locked FOR SHARE until the caller's transaction ends, so
-- that a price cannot change between reading it and committing an order that uses it.
CREATE FUNCTION catalog_published.lock_prices(skus text[])
  RETURNS TABLE (sku text, price bigint, currency char(3), version bigint, as_of timestamptz)
  LANGUAGE sql SECURITY DEFINER SET search_path = catalog_published, pg_temp
AS $$
  SELECT p.sku, p.price, p.currency, p.version, clock_timestamp()
  FROM catalog_published.prices p WHERE p.sku = ANY (skus)
  FOR SHARE
$$;

GRANT USAGE ON SCHEMA catalog_published TO PUBLIC;
GRANT SELECT ON catalog_published.prices TO PUBLIC;
REVOKE ALL ON FUNCTION catalog_published.lock_prices(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_published.lock_prices(text[]) TO PUBLIC;
