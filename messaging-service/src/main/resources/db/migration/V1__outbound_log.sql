-- messaging-service: the outbound log (one row per command, keyed by its id), per-recipient queue state,
-- customer-service windows and the number-wide throughput bucket.

-- One row per command consumed from wa.outbound.v1 (and per fallback template we queue ourselves).
-- seq gives the per-recipient order: commands for one recipient arrive on one partition, in order.
CREATE TABLE outbound_message (
    command_id        text        PRIMARY KEY,
    seq               bigserial   NOT NULL UNIQUE,
    recipient         text        NOT NULL,
    kind              text        NOT NULL,
    correlation_id    text        NOT NULL,
    command           bytea       NOT NULL,  -- the command, Avro single-object encoded
    state             text        NOT NULL,  -- queued|sending|uncertain|accepted|sent|delivered|read|played|failed|dead_lettered
    attempts          int         NOT NULL DEFAULT 0,
    wamid             text        UNIQUE,
    sent_as_fallback  boolean     NOT NULL DEFAULT false,
    fallback_of       text,
    error_code        int,
    error_message     text,
    produced_at       timestamptz,
    enqueued_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    sending_at        timestamptz,
    accepted_at       timestamptz,
    status_at         timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbound_message_pending ON outbound_message (recipient, seq) WHERE state IN ('queued', 'sending');
CREATE INDEX outbound_message_enqueued_at ON outbound_message (enqueued_at);

-- One row per recipient: when its next message may go (pair limit, backoff), and which replica holds it.
CREATE TABLE recipient_queue (
    recipient             text             PRIMARY KEY,
    pending               int              NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz      NOT NULL DEFAULT clock_timestamp(),
    pair_tokens           double precision NOT NULL,
    pair_updated_at       timestamptz      NOT NULL DEFAULT clock_timestamp(),
    pair_backoff_exponent int              NOT NULL DEFAULT 0,
    lease_owner           text,
    lease_until           timestamptz
);
CREATE INDEX recipient_queue_ready ON recipient_queue (next_attempt_at) WHERE pending > 0;

-- Last message FROM each user (Meta's timestamp), for the 24-hour customer-service window.
CREATE TABLE customer_window (
    recipient        text        PRIMARY KEY,
    last_inbound_at  timestamptz NOT NULL,
    last_message_id  text
);

-- Number-wide send schedule shared by every replica (GCRA: the theoretical arrival time of the next
-- free send slot), advanced with the database's clock under the row lock.
CREATE TABLE rate_schedule (
    name            text             PRIMARY KEY,
    rate_per_second double precision NOT NULL,
    burst           int              NOT NULL,
    tat             timestamptz      NOT NULL
);
