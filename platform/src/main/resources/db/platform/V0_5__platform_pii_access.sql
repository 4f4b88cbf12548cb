-- The PII access trail: one row per record whose personal identifiers a caller was shown unmasked (pii-reader).
-- Kept for crm.pii.access-retention, then deleted by PiiAccessTrail's hourly purge.
create table pii_access (
    id           bigint generated always as identity primary key,
    accessed_at  timestamptz not null,
    accessed_by  text        not null,
    subject_type text        not null,
    subject_id   uuid        not null,
    fields       text[]      not null,
    request_id   text,
    operation    text
);
create index pii_access_by_subject on pii_access (subject_id, id);
create index pii_access_by_user on pii_access (accessed_by, id);
create index pii_access_by_time on pii_access (accessed_at);
