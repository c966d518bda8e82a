-- Payments of orders (package co.wpfoods.payment.payment). Money is whole COP; Stripe's minor units exist only at
-- its edge. Only the provider's references are kept: never card numbers, expiry dates or security codes.
CREATE TABLE payment (
    id                  text        PRIMARY KEY,
    order_id            text        NOT NULL UNIQUE,
    order_reference     text        NOT NULL,
    restaurant_id       text        NOT NULL,
    restaurant_name     text,
    customer_wa_id      text,
    customer_user_id    text,
    method              text        NOT NULL CHECK (method IN ('CASH', 'CARD')),
    provider            text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED',
                                                               'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    amount_cop          bigint      NOT NULL CHECK (amount_cop > 0),
    subtotal_cop        bigint      NOT NULL CHECK (subtotal_cop >= 0),
    delivery_fee_cop    bigint      NOT NULL CHECK (delivery_fee_cop >= 0),
    iva_cop             bigint      NOT NULL CHECK (iva_cop >= 0),
    cash_change_for_cop bigint,
    order_lines         text        NOT NULL,
    captured_cop        bigint      NOT NULL DEFAULT 0,
    refunded_cop        bigint      NOT NULL DEFAULT 0,
    refund_pending_cop  bigint      NOT NULL DEFAULT 0,
    order_cancelled     boolean     NOT NULL DEFAULT false,
    checkout_session_id text        UNIQUE,
    checkout_url        text,
    checkout_expires_at timestamptz,
    payment_intent_id   text,
    failure_reason      text,
    deadline            timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK (captured_cop >= 0 AND captured_cop <= amount_cop),
    CHECK (refunded_cop >= 0 AND refund_pending_cop >= 0 AND refunded_cop + refund_pending_cop <= captured_cop)
);
CREATE INDEX payment_created_at_idx ON payment (created_at);
CREATE INDEX payment_status_created_at_idx ON payment (status, created_at);
CREATE INDEX payment_intent_idx ON payment (payment_intent_id);

-- Every movement of money, append-only (the trigger refuses updates and deletes). Each row moves amount_cop from the
-- credited account to the debited one, so the books balance by construction; reference is the provider's id of the
-- movement (payment intent, refund) and makes a movement recorded twice impossible.
CREATE TABLE ledger_entry (
    id             bigserial   PRIMARY KEY,
    payment_id     text        NOT NULL REFERENCES payment (id),
    order_id       text        NOT NULL,
    movement       text        NOT NULL CHECK (movement IN ('CARD_CHARGE', 'CASH_COLLECTION', 'REFUND')),
    debit_account  text        NOT NULL,
    credit_account text        NOT NULL,
    amount_cop     bigint      NOT NULL CHECK (amount_cop > 0),
    reference      text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    UNIQUE (payment_id, movement, reference)
);
CREATE INDEX ledger_entry_order_idx ON ledger_entry (order_id);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

-- Refunds asked for (order cancelled after payment, or ops for a missing item) and what the provider answered.
CREATE TABLE refund (
    id                 text        PRIMARY KEY,
    payment_id         text        NOT NULL REFERENCES payment (id),
    order_id           text        NOT NULL,
    amount_cop         bigint      NOT NULL CHECK (amount_cop > 0),
    reason             text        NOT NULL,
    requested_by       text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('REQUESTED', 'SUBMITTED', 'SUCCEEDED', 'FAILED')),
    provider_reference text        UNIQUE,
    failure_detail     text,
    requested_at       timestamptz NOT NULL,
    settled_at         timestamptz
);
CREATE INDEX refund_payment_idx ON refund (payment_id);
CREATE INDEX refund_requested_at_idx ON refund (requested_at);

-- Receipts: one per paid payment, numbered 1, 2, 3… per restaurant without gaps.
CREATE TABLE receipt_counter (
    restaurant_id text   PRIMARY KEY,
    last_number   bigint NOT NULL
);
CREATE TABLE receipt (
    payment_id    text        PRIMARY KEY REFERENCES payment (id),
    restaurant_id text        NOT NULL,
    number        bigint      NOT NULL,
    body          text        NOT NULL,
    fiscal_status text        NOT NULL,
    issued_at     timestamptz NOT NULL,
    UNIQUE (restaurant_id, number)
);

-- Reconciliation runs: our payments against the provider's for a period.
CREATE TABLE reconciliation_report (
    id           text        PRIMARY KEY,
    provider     text        NOT NULL,
    period_from  timestamptz NOT NULL,
    period_to    timestamptz NOT NULL,
    checked      integer     NOT NULL,
    differences  integer     NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX reconciliation_report_created_idx ON reconciliation_report (created_at);
CREATE TABLE reconciliation_difference (
    report_id          text   NOT NULL REFERENCES reconciliation_report (id),
    kind               text   NOT NULL,
    payment_id         text,
    order_id           text,
    provider_reference text,
    our_amount_cop     bigint,
    provider_amount_cop bigint,
    detail             text   NOT NULL
);
CREATE INDEX reconciliation_difference_report_idx ON reconciliation_difference (report_id);

-- The local card stand-in's own books (used only when no Stripe key is set): its checkout sessions and the
-- Stripe-shaped events it delivers to our webhook.
CREATE TABLE local_card_session (
    id                text        PRIMARY KEY,
    payment_intent_id text        NOT NULL UNIQUE,
    idempotency_key   text        NOT NULL UNIQUE,
    payment_id        text        NOT NULL,
    order_id          text        NOT NULL,
    description       text        NOT NULL,
    amount_minor      bigint      NOT NULL,
    currency          text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('open', 'complete', 'expired')),
    payment_status    text        NOT NULL CHECK (payment_status IN ('unpaid', 'paid')),
    refunded_minor    bigint      NOT NULL DEFAULT 0,
    expires_at        timestamptz NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX local_card_session_created_idx ON local_card_session (created_at);
CREATE TABLE local_card_refund (
    id              text        PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    session_id      text        NOT NULL REFERENCES local_card_session (id),
    amount_minor    bigint      NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE TABLE local_card_event (
    id           text        PRIMARY KEY,
    type         text        NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    delivered_at timestamptz
);

-- db-scheduler's table (persistent tasks: opening checkouts, payment timeouts, refunds, reconciliation, local webhook
-- deliveries). One replica runs each execution; tasks survive restarts.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
