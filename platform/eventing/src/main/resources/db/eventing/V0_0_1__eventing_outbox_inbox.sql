-- Tables of the WPFoods eventing kit. Every service that uses the kit gets them through the
-- Flyway location classpath:db/eventing (added by default). Service migrations start at V1.

-- One row per event to publish, written in the same transaction as the state change.
-- The relay streams inserts from the WAL (Debezium, pgoutput) and deletes rows once Kafka
-- has acknowledged them; the WAL, not this table, is what guarantees publication.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,
    topic          text        NOT NULL,
    record_key     text        NOT NULL,
    event_type     text        NOT NULL,
    payload        bytea       NOT NULL,
    occurred_at    timestamptz NOT NULL,
    correlation_id text,
    traceparent    text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_created_at ON outbox (created_at);

-- Written by the relay's heartbeat so the replication slot advances on a quiet database
-- and does not hold WAL.
CREATE TABLE outbox_heartbeat (
    id      int         PRIMARY KEY,
    beat_at timestamptz NOT NULL
);
INSERT INTO outbox_heartbeat (id, beat_at) VALUES (1, now());

-- Idempotent consumers: one row per (consumer, event id) processed, written in the same
-- transaction as the effect.
CREATE TABLE inbox (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_processed_at ON inbox (processed_at);
