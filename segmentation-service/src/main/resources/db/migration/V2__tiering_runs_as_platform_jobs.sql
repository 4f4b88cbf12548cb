-- Tiering runs run on platform's job runner: a run's state (status, phase, progress, heartbeat, failure, who
-- submitted it and when) is its platform `job` row (kind 'tiering-run', same id); tiering_run keeps what the run
-- tiers and its report.

insert into job (id, kind, status, phase, progress_done, progress_total, result, submitted_by, submitted_at,
                 started_at, finished_at, attempts, heartbeat_at, failure_message)
select id, 'tiering-run', status, case when status = 'QUEUED' then null else phase end, percent, 100,
       case when report is null then null
            else jsonb_build_object('customers', customers, 'changed', report -> 'movements' -> 'changed',
                                    'eventsPublished', report -> 'eventsPublished',
                                    'topTwentyPercentProfitShare', report -> 'topTwentyPercentProfitShare') end,
       submitted_by, submitted_at, started_at, finished_at, case when started_at is null then 0 else 1 end,
       heartbeat_at, failure
from tiering_run;

alter table tiering_run
    drop column status,
    drop column phase,
    drop column percent,
    drop column customers,
    drop column failure,
    drop column submitted_by,
    drop column submitted_at,
    drop column started_at,
    drop column finished_at,
    drop column heartbeat_at,
    add constraint tiering_run_job_fk foreign key (id) references job (id);

-- the ordering rule of publishing runs: a segment's publishing runs by month
create index tiering_run_publishing on tiering_run (segment, as_of_month) where not dry_run;
