-- Every provider call: who, which model, tokens, cost, latency, outcome.
create table ai_usage (
    id             bigserial primary key,
    at             timestamptz    not null,
    provider       varchar(32)    not null,
    model          varchar(128)   not null,
    operation      varchar(32)    not null,
    input_tokens   bigint         not null,
    output_tokens  bigint         not null,
    cost_usd       numeric(18, 10) not null,
    latency_ms     bigint         not null,
    outcome        varchar(32)    not null,
    correlation_id varchar(128)
);
create index ai_usage_at on ai_usage (at);
create index ai_usage_correlation on ai_usage (correlation_id) where correlation_id is not null;

-- Every message answered (by any engine), so cost can be divided by messages.
create table ai_message (
    id             bigserial primary key,
    at             timestamptz  not null,
    engine         varchar(32)  not null,
    correlation_id varchar(128)
);
create index ai_message_at on ai_message (at);

-- Voice notes that could not be transcribed: the audio reference is kept for a person or a later retry.
create table ai_voice_note (
    message_id     varchar(128) primary key,
    wa_id          varchar(64),
    media_id       varchar(256),
    role           varchar(16)  not null,
    status         varchar(32)  not null,
    detail         text,
    received_at    timestamptz  not null
);

-- The menu read model, fed by MenuPublished on orders.restaurant.v1; the Lucene index is rebuilt from it at start-up.
create table ai_menu (
    restaurant_id varchar(64) primary key,
    version       bigint      not null,
    snapshot      text        not null,
    updated_at    timestamptz not null
);
