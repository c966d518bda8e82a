-- Rapitenderos (package co.wpfoods.dispatch.worker). One WhatsApp number is one worker.
CREATE TABLE worker (
    id            text        PRIMARY KEY,
    name          text        NOT NULL,
    wa_id         text        NOT NULL UNIQUE,
    active        boolean     NOT NULL DEFAULT true,
    registered_at timestamptz NOT NULL DEFAULT now()
);
