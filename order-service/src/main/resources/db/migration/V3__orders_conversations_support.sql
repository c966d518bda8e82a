-- Orders (package co.wpfoods.order.ordering).
CREATE SEQUENCE order_reference_seq START WITH 1001;

CREATE TABLE customer_order (
    id                  text        PRIMARY KEY,
    reference           text        NOT NULL UNIQUE,
    customer_key        text        NOT NULL,
    customer_wa_id      text,
    customer_user_id    text,
    customer_name       text,
    restaurant_id       text        NOT NULL REFERENCES restaurant (id),
    status              text        NOT NULL,
    lines               jsonb       NOT NULL,
    subtotal_cop        bigint      NOT NULL,
    delivery_fee_cop    bigint      NOT NULL,
    iva_cop             bigint      NOT NULL,
    total_cop           bigint      NOT NULL,
    payment_method      text        NOT NULL,
    cash_change_for_cop bigint,
    delivery_address    text,
    delivery_latitude   double precision,
    delivery_longitude  double precision,
    notes               text,
    delivery_pin        text        NOT NULL,
    preparation_minutes int         NOT NULL,
    estimated_ready_at  timestamptz,
    cancel_reason       text,
    cancelled_by        text,
    cancel_detail       text,
    rating              int,
    payment_link        text,
    version             bigint      NOT NULL DEFAULT 0,
    placed_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX customer_order_customer ON customer_order (customer_key, placed_at DESC);
CREATE INDEX customer_order_restaurant ON customer_order (restaurant_id, placed_at DESC);

CREATE TABLE customer_order_history (
    order_id   text        NOT NULL REFERENCES customer_order (id),
    position   int         NOT NULL,
    status     text        NOT NULL,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    note       text,
    PRIMARY KEY (order_id, position)
);

-- One conversation per person (customer or restaurant staff): the step, what we asked, the cart, the language.
CREATE TABLE conversation (
    person_key text        PRIMARY KEY,
    role       text        NOT NULL,
    state      jsonb       NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Complaints and requests for help that ops answer (REST: /api/orders/support).
CREATE TABLE support_ticket (
    id           text        PRIMARY KEY,
    customer_key text        NOT NULL,
    order_id     text,
    kind         text        NOT NULL,
    text         text        NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX support_ticket_open ON support_ticket (status, created_at);

-- db-scheduler's table (its PostgreSQL schema): timers that survive restarts and run once across replicas.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
