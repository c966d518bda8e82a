-- The smallest service that takes part in Ley 1581, for the kit's own tests: its rows about people, records that
-- expire, an encrypted column, and db-scheduler's table (each service migrates its own, see the kit's README).
CREATE TABLE kit_person (
    id    bigserial PRIMARY KEY,
    wa_id text NOT NULL,
    note  text NOT NULL
);
CREATE TABLE kit_erasure_run (
    erasure_id text NOT NULL,
    ran_at     timestamp with time zone NOT NULL DEFAULT now()
);
CREATE TABLE kit_record (
    id         bigserial PRIMARY KEY,
    created_at timestamp with time zone NOT NULL
);
CREATE INDEX kit_record_created_at ON kit_record (created_at);
CREATE TABLE kit_secret (
    id        bigserial PRIMARY KEY,
    value_enc bytea NOT NULL
);
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
