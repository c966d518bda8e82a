-- Erasures (Ley 1581, right to delete) that order-service coordinates: one row per request, one row per service's
-- confirmation. wa_id is kept only while the erasure runs (to tell the person when it is done), then set to NULL.
CREATE TABLE privacy_erasure (
    id                   text        PRIMARY KEY,
    wa_id                text,
    requested_by         text        NOT NULL CHECK (requested_by IN ('CHAT', 'OPS')),
    requested_by_subject text,
    language             text        NOT NULL,
    expected_services    text[]      NOT NULL,
    requested_at         timestamptz NOT NULL,
    completed_at         timestamptz
);
CREATE UNIQUE INDEX privacy_erasure_running ON privacy_erasure (wa_id) WHERE completed_at IS NULL;
CREATE INDEX privacy_erasure_requested_at ON privacy_erasure (requested_at DESC);

CREATE TABLE privacy_erasure_confirmation (
    erasure_id      text        NOT NULL REFERENCES privacy_erasure (id),
    service         text        NOT NULL,
    rows_deleted    int         NOT NULL,
    rows_anonymized int         NOT NULL,
    detail          text,
    confirmed_at    timestamptz NOT NULL,
    PRIMARY KEY (erasure_id, service)
);
