-- Every webhook POST as it arrived (Meta offers no history API). Kept for
-- wpfoods.webhook.retention.archive (90 days by default, like message logs).
CREATE TABLE raw_webhook (
    id          uuid        PRIMARY KEY,
    received_at timestamptz NOT NULL,
    request_id  text,
    signature   text,
    records     int         NOT NULL,
    body        bytea       NOT NULL
);
CREATE INDEX raw_webhook_received_at ON raw_webhook (received_at);

-- One row per WhatsApp event (message wamid, or status wamid+status): the dedup ledger.
-- 'published' turns true only after Kafka acknowledged the record, in the same transaction
-- that holds the row locked, so a duplicate delivery either waits or sees the outcome.
-- topic, role and rate_limited are fixed at first sight so a retry publishes the same record.
CREATE TABLE inbound_record (
    dedup_key     text        PRIMARY KEY,
    event_id      uuid        NOT NULL,
    kind          text        NOT NULL,
    topic         text,
    role          text,
    rate_limited  boolean     NOT NULL DEFAULT false,
    published     boolean     NOT NULL DEFAULT false,
    deliveries    int         NOT NULL DEFAULT 1,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX inbound_record_first_seen_at ON inbound_record (first_seen_at);

-- Per-sender message counts in fixed windows (MINUTE / HOUR / DAY), shared by every replica.
CREATE TABLE inbound_usage (
    sender       text        NOT NULL,
    period       text        NOT NULL,
    window_start timestamptz NOT NULL,
    used         int         NOT NULL,
    notified     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (sender, period, window_start)
);
CREATE INDEX inbound_usage_window_start ON inbound_usage (window_start);

-- The role directory: which numbers belong to restaurants and workers (read model of
-- orders.restaurant.v1 and dispatch.worker.v1). A number absent here is a customer.
CREATE TABLE role_assignment (
    wa_id      text        NOT NULL,
    source     text        NOT NULL,
    role       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (wa_id, source)
);
CREATE INDEX role_assignment_source ON role_assignment (source);
