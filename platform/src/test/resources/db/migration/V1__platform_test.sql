-- Tables of the test beans (src/test/java) that exercise the platform's mechanisms.

-- every execution of a test job: a job run twice shows up as two rows
create table test_job_step (
    id      bigint generated always as identity primary key,
    job_id  uuid        not null,
    attempt integer     not null,
    step    bigint      not null,
    worker  varchar(200) not null
);
create index test_job_step_job on test_job_step (job_id);

-- the rows of test import files: applications counts how often a row's effect committed
create table test_import_row (
    code         varchar(50) primary key,
    amount       integer     not null,
    applications integer     not null default 1
);

-- what the test event handler applied
create table test_event_effect (
    event_id  uuid         not null,
    widget_id uuid         not null,
    name      varchar(200) not null
);

-- what the idempotent test resource created
create table test_widget (
    id         uuid primary key,
    name       varchar(200) not null,
    created_by varchar(200) not null
);
