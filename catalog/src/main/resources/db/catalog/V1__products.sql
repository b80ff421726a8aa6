-- Products and their prices. Prices are integer minor units of an ISO-4217 currency.
CREATE TABLE products (
  sku        text        PRIMARY KEY,
  name       text        NOT NULL,
  price      bigint      NOT NULL CHECK (price >= 0),
  currency   char(3)     NOT NULL,
  version    bigint      NOT NULL CHECK (version >= 1),
  updated_at timestamptz NOT NULL
);

-- Every price a sku ever had, so that any order can be audited: version v of a sku was the
-- current price from valid_from (inclusive) to valid_to (exclusive; null while current).
CREATE TABLE price_history (
  sku        text        NOT NULL REFERENCES products (sku),
  version    bigint      NOT NULL,
  price      bigint      NOT NULL,
  currency   char(3)     NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to   timestamptz,
  PRIMARY KEY (sku, version),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE UNIQUE INDEX price_history_current ON price_history (sku) WHERE valid_to IS NULL;
