-- The last question sent to each worker (a message with buttons, a list or a location request): its text as ai-service
-- reads it (the body, then the buttons' or rows' titles numbered 1, 2, 3…) and the reply ids in the same order (one per line), so a
-- short typed reply ("sí", "dale", "2") can be read against it. One row per worker, replaced by the next question.
CREATE TABLE worker_prompt (
    worker_id text        PRIMARY KEY REFERENCES worker (id),
    prompt    text        NOT NULL,
    options   text        NOT NULL DEFAULT '',
    sent_at   timestamptz NOT NULL
);
