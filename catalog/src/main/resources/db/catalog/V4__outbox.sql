-- The transactional outbox (io.interservice.owner.outbox): each price change is recorded here in
-- its own transaction; the relay reads rows once no transaction older than theirs is in flight
-- (xid below the snapshot's xmin), hands them to its sinks and deletes them.
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
