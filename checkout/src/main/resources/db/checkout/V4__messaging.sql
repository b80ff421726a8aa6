-- Orders priced asynchronously (technique messaging): accepted as PENDING with the request and a
-- deadline, then CONFIRMED with their lines or REJECTED with a reason when the answer comes or
-- the deadline passes. Price requests leave through checkout's own outbox, in the order's
-- transaction (io.interservice.owner.outbox).
ALTER TABLE orders ALTER COLUMN currency DROP NOT NULL;
ALTER TABLE orders ADD COLUMN reason text;
ALTER TABLE orders ADD COLUMN deadline timestamptz;
CREATE INDEX orders_pending ON orders (deadline) WHERE status = 'PENDING';

CREATE TABLE order_requests (
  order_id uuid PRIMARY KEY REFERENCES orders (id),
  body     text NOT NULL
);

CREATE TABLE outbox (
  id         bigserial   PRIMARY KEY,
  xid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
  topic      text        NOT NULL,
  key        text        NOT NULL,
  version    bigint      NOT NULL,
  payload    text        NOT NULL,
  written_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX outbox_commit_order ON outbox (xid, id);
