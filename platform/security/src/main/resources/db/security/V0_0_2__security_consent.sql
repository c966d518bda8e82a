-- Consent under Ley 1581 de 2012: every grant and withdrawal, with its time and the policy version the person
-- accepted, kept as proof. The person is identified by the keyed hash of their WhatsApp number (LookupHash),
-- never by the number itself.
CREATE TABLE security_consent_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_hash   bytea       NOT NULL,
    purpose        text        NOT NULL,
    action         text        NOT NULL CHECK (action IN ('GRANTED', 'WITHDRAWN')),
    policy_version text        NOT NULL,
    recorded_at    timestamptz NOT NULL
);

CREATE INDEX security_consent_event_subject ON security_consent_event (subject_hash, purpose, id DESC);
