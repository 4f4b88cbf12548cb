-- Shared by every service (platform/): transactional outbox, processed-event inbox, idempotency keys.

create table outbox_event (
    id             uuid primary key,
    seq            bigint generated always as identity,
    shard          smallint     not null,
    topic          varchar(200) not null,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(200) not null,
    type           varchar(200) not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    sent_at        timestamptz
);
-- the relay reads only unsent rows, shard by shard, in insertion order
create index outbox_event_unsent on outbox_event (shard, seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(200) not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);

create table idempotency_key (
    scope        varchar(200) not null,
    idem_key     varchar(200) not null,
    request_hash char(64)     not null,
    status       integer,
    body         text,
    location     varchar(1000),
    etag         varchar(100),
    created_at   timestamptz  not null,
    primary key (scope, idem_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
