-- An order belongs to the client that placed it: only that client reads it, and idempotency keys
-- are the client's own (two clients may use the same key without meeting).
ALTER TABLE orders ADD COLUMN client text NOT NULL DEFAULT 'unknown';
ALTER TABLE orders ALTER COLUMN client DROP DEFAULT;
ALTER TABLE orders DROP CONSTRAINT orders_idempotency_key_key;
ALTER TABLE orders ADD CONSTRAINT orders_client_idempotency_key UNIQUE (client, idempotency_key);
