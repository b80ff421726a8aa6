-- Orders and their lines. Every line keeps the provenance of the price it was charged:
-- the owner's version, where the price came from and when it was known current.
CREATE TABLE orders (
  id              uuid        PRIMARY KEY,
  status          text        NOT NULL,
  total           bigint      NOT NULL CHECK (total >= 0),
  currency        char(3)     NOT NULL,
  technique       text        NOT NULL,
  idempotency_key text        UNIQUE,
  request_hash    text,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE order_lines (
  order_id      uuid        NOT NULL REFERENCES orders (id),
  line_no       int         NOT NULL,
  sku           text        NOT NULL,
  quantity      int         NOT NULL CHECK (quantity > 0),
  unit_price    bigint      NOT NULL CHECK (unit_price >= 0),
  currency      char(3)     NOT NULL,
  price_version bigint      NOT NULL,
  source        text        NOT NULL,
  as_of         timestamptz NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
