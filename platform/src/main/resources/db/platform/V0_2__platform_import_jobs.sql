-- Bulk import jobs (platform/imports): progress and the per-row error report.

create table import_job (
    id            uuid primary key,
    kind          varchar(100)  not null,
    format        varchar(10)   not null,
    status        varchar(20)   not null,
    file_path     varchar(1000) not null,
    file_sha256   char(64)      not null,
    total_rows    bigint        not null,
    rows_done     bigint        not null default 0,
    rows_accepted bigint        not null default 0,
    rows_rejected bigint        not null default 0,
    submitted_by  varchar(200),
    submitted_at  timestamptz   not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz,
    claimed_by    varchar(100),
    failure       text
);
create index import_job_unfinished on import_job (submitted_at) where status in ('QUEUED', 'RUNNING');

create table import_row_error (
    id         bigint generated always as identity primary key,
    job_id     uuid          not null references import_job (id) on delete cascade,
    row_number bigint        not null,
    field      varchar(200)  not null,
    message    varchar(1000) not null
);
create index import_row_error_job on import_row_error (job_id, id);
