-- Push: services that asked to be told of every price change, and the deliveries owed to them
-- (the tables io.interservice.owner.push.Pusher works with).
CREATE TABLE subscribers (
  id           uuid        PRIMARY KEY,
  name         text        NOT NULL UNIQUE,
  callback_url text        NOT NULL,
  secret       text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One row per change per subscriber, written in the price change's own transaction.
-- status: pending (due at next_attempt_at), delivered, dead (gave up; redelivered when the
-- subscriber is back).
CREATE TABLE deliveries (
  id              bigserial   PRIMARY KEY,
  subscriber_id   uuid        NOT NULL REFERENCES subscribers (id),
  key             text        NOT NULL,
  version         bigint      NOT NULL,
  payload         text        NOT NULL,
  status          text        NOT NULL DEFAULT 'pending',
  attempts        int         NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_error      text
);

CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
