-- Background jobs (platform/jobs): one table for every kind of job a service runs (bulk imports, tiering runs,
-- rosters, settlements). A kind keeps what it needs beyond this in `parameters` and `result`, or in a table of
-- its own keyed by the job's id.

create table job (
    id                  uuid primary key,
    kind                varchar(100) not null,
    status              varchar(20)  not null
                        check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    phase               varchar(100),
    progress_done       bigint       not null default 0,
    progress_total      bigint,
    parameters          jsonb,
    result              jsonb,
    submitted_by        varchar(200),
    submitted_at        timestamptz  not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    -- the worker that holds the job, how many times it was claimed (a fencing token: a worker that lost the
    -- job can no longer write to it), and when that worker last said it is alive
    claimed_by          varchar(200),
    attempts            integer      not null default 0,
    heartbeat_at        timestamptz,
    cancel_requested_at timestamptz,
    cancel_requested_by varchar(200),
    failure_incident    uuid,
    failure_message     text
);
-- the queue, in submission order
create index job_queued on job (submitted_at, id) where status = 'QUEUED';
-- the recovery sweep: running jobs by heartbeat
create index job_running on job (heartbeat_at) where status = 'RUNNING';
-- a kind's jobs, newest first
create index job_listing on job (kind, submitted_at desc, id desc);

-- Bulk imports move onto it: their progress becomes the job's, the file and counts its parameters and result.
insert into job (id, kind, status, phase, progress_done, progress_total, parameters, result, submitted_by,
                 submitted_at, started_at, finished_at, claimed_by, attempts, heartbeat_at, failure_message)
select id, 'import', status, case when status = 'QUEUED' then null else 'applying rows' end, rows_done, total_rows,
       jsonb_build_object('rows', kind, 'format', format, 'file', file_path, 'fileSha256', file_sha256,
                          'totalRows', total_rows),
       jsonb_build_object('rowsAccepted', rows_accepted, 'rowsRejected', rows_rejected),
       submitted_by, submitted_at, started_at, finished_at, claimed_by,
       case when started_at is null then 0 else 1 end, heartbeat_at, failure
from import_job;

alter table import_row_error drop constraint import_row_error_job_id_fkey;
alter table import_row_error add constraint import_row_error_job_fk foreign key (job_id) references job (id)
    on delete cascade;
drop table import_job;
