-- The event-fed replica of catalog's prices (technique events; io.interservice.access.jdbc
-- JdbcReplicaStore): the newest version of each sku, the feed's position per partition, saved in
-- the same transaction as the entries, and a log of when each version was applied, so that the
-- propagation from catalog's commit to checkout can be audited.
CREATE TABLE price_replica_entries (
  key     text        PRIMARY KEY,
  value   text,
  version bigint      NOT NULL,
  as_of   timestamptz NOT NULL
);

CREATE TABLE price_replica_positions (
  source   text   PRIMARY KEY,
  position bigint NOT NULL
);

CREATE TABLE price_replica_applied (
  key        text        NOT NULL,
  version    bigint      NOT NULL,
  applied_at timestamptz NOT NULL,
  PRIMARY KEY (key, version)
);
