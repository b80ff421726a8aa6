-- The data domain is read by the services the operator names, not by every role: the view and
-- lock_prices (which takes row locks that hold catalog's price changes back) go to the role
-- catalog_published_reader, which whoever sets the database up creates and grants to checkout's
-- role. Without that role, nobody but catalog reads the data domain.
REVOKE EXECUTE ON FUNCTION catalog_published.lock_prices(text[]) FROM PUBLIC;
REVOKE SELECT ON catalog_published.prices FROM PUBLIC;
REVOKE USAGE ON SCHEMA catalog_published FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'catalog_published_reader') THEN
    GRANT USAGE ON SCHEMA catalog_published TO catalog_published_reader;
    GRANT SELECT ON catalog_published.prices TO catalog_published_reader;
    GRANT EXECUTE ON FUNCTION catalog_published.lock_prices(text[]) TO catalog_published_reader;
  END IF;
END $$;
