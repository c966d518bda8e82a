-- Deliveries (package co.wpfoods.dispatch.delivery): workers extended, availability, locations, the order read model,
-- offers, deliveries, earnings, payouts, problem reports, ops alerts; db-scheduler's timers.

ALTER TABLE worker
    ADD COLUMN vehicle         text        NOT NULL DEFAULT 'MOTORCYCLE',
    ADD COLUMN zone            text,
    ADD COLUMN document_status text        NOT NULL DEFAULT 'PENDING',
    ADD COLUMN rating          numeric(3,2) NOT NULL DEFAULT 5.00,
    ADD COLUMN suspended       boolean     NOT NULL DEFAULT false,
    ADD COLUMN language        text        NOT NULL DEFAULT 'es';

-- One row per worker: the conversation's state and the latest location, changed in the transaction of the domain change.
CREATE TABLE worker_state (
    worker_id     text        PRIMARY KEY REFERENCES worker (id),
    confirmed     boolean     NOT NULL DEFAULT false,
    online        boolean     NOT NULL DEFAULT false,
    awaiting      text        NOT NULL DEFAULT 'NOTHING',
    awaiting_order text,
    latitude      double precision,
    longitude     double precision,
    located_at    timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE availability_session (
    id          bigserial   PRIMARY KEY,
    worker_id   text        NOT NULL REFERENCES worker (id),
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    end_reason  text
);
CREATE UNIQUE INDEX availability_session_open ON availability_session (worker_id) WHERE ended_at IS NULL;

-- Location history while a delivery is under way (bounded per delivery by the application).
CREATE TABLE worker_location (
    id          bigserial        PRIMARY KEY,
    worker_id   text             NOT NULL REFERENCES worker (id),
    order_id    text             NOT NULL,
    latitude    double precision NOT NULL,
    longitude   double precision NOT NULL,
    recorded_at timestamptz      NOT NULL
);
CREATE INDEX worker_location_order ON worker_location (order_id, recorded_at);

-- What dispatch knows of an order (from orders.order.v1) and where it is in dispatch.
CREATE TABLE dispatch_order (
    order_id            text        PRIMARY KEY,
    reference           text        NOT NULL,
    customer_wa_id      text        NOT NULL,
    customer_first_name text,
    restaurant_id       text        NOT NULL,
    restaurant_name     text,
    pickup_address      text,
    pickup_latitude     double precision,
    pickup_longitude    double precision,
    zone                text,
    delivery_address    text,
    delivery_latitude   double precision,
    delivery_longitude  double precision,
    delivery_pin        text,
    payment_method      text        NOT NULL,
    total_cop           bigint      NOT NULL,
    cash_change_for_cop bigint,
    status              text        NOT NULL,
    estimated_ready_at  timestamptz,
    ready               boolean     NOT NULL DEFAULT false,
    pooled_at           timestamptz,
    delay_reported      boolean     NOT NULL DEFAULT false,
    placed_at           timestamptz NOT NULL
);
CREATE INDEX dispatch_order_pool ON dispatch_order (zone, pooled_at) WHERE status = 'POOLED';

CREATE TABLE offer (
    id                text        PRIMARY KEY,
    order_id          text        NOT NULL REFERENCES dispatch_order (order_id),
    worker_id         text        NOT NULL REFERENCES worker (id),
    sent_at           timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    distance_meters   integer     NOT NULL,
    estimated_pay_cop bigint      NOT NULL,
    answer            text        NOT NULL DEFAULT 'PENDING',
    answered_at       timestamptz
);
CREATE UNIQUE INDEX offer_pending_per_worker ON offer (worker_id) WHERE answer = 'PENDING';
CREATE UNIQUE INDEX offer_pending_per_order ON offer (order_id) WHERE answer = 'PENDING';
CREATE INDEX offer_order ON offer (order_id);

-- An accepted offer is the assignment; the delivery row follows it to the door.
CREATE TABLE delivery (
    order_id        text        PRIMARY KEY REFERENCES dispatch_order (order_id),
    worker_id       text        NOT NULL REFERENCES worker (id),
    offer_id        text        NOT NULL REFERENCES offer (id),
    status          text        NOT NULL,
    assigned_at     timestamptz NOT NULL,
    picked_up_at    timestamptz,
    delivered_at    timestamptz,
    distance_meters integer,
    pin_attempts    integer     NOT NULL DEFAULT 0
);
CREATE INDEX delivery_worker_active ON delivery (worker_id) WHERE status IN ('ASSIGNED', 'PICKED_UP');

-- One earning per delivered order, whole COP, never negative.
CREATE TABLE earning (
    order_id    text        PRIMARY KEY REFERENCES delivery (order_id),
    worker_id   text        NOT NULL REFERENCES worker (id),
    base_cop    bigint      NOT NULL CHECK (base_cop >= 0),
    distance_cop bigint     NOT NULL CHECK (distance_cop >= 0),
    bonus_cop   bigint      NOT NULL CHECK (bonus_cop >= 0),
    gas_cop     bigint      NOT NULL CHECK (gas_cop >= 0),
    total_cop   bigint      NOT NULL CHECK (total_cop = base_cop + distance_cop + bonus_cop + gas_cop),
    earned_at   timestamptz NOT NULL,
    payout_id   text
);
CREATE INDEX earning_worker ON earning (worker_id, earned_at);

CREATE TABLE payout (
    id          text        PRIMARY KEY,
    worker_id   text        NOT NULL REFERENCES worker (id),
    amount_cop  bigint      NOT NULL CHECK (amount_cop > 0),
    reference   text,
    paid_at     timestamptz NOT NULL
);

CREATE TABLE problem_report (
    id          bigserial   PRIMARY KEY,
    worker_id   text        NOT NULL REFERENCES worker (id),
    order_id    text,
    kind        text        NOT NULL,
    reported_at timestamptz NOT NULL,
    resolved_at timestamptz
);

CREATE TABLE ops_alert (
    id          bigserial   PRIMARY KEY,
    kind        text        NOT NULL,
    order_id    text,
    worker_id   text,
    detail      text,
    raised_at   timestamptz NOT NULL,
    acknowledged_at timestamptz
);

-- Weather reported by ops per zone (rain bonus).
CREATE TABLE zone_condition (
    zone        text        PRIMARY KEY,
    raining     boolean     NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- db-scheduler (offer expiry and the batch window): persistent, fired once across replicas.
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
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
