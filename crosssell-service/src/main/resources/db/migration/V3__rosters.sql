-- crosssell-service, step 3: roster submissions as platform jobs (kind 'roster', same id). The clear names, ID
-- numbers and mobiles stay in the spooled file until the job ends; only what customer-service answered is kept.

create table roster (
    id              uuid primary key,
    agreement_id    uuid        not null references agreement (id),
    confirm_leavers boolean     not null,
    spool_file      text        not null,
    total_rows      int         not null,
    rows_done       int         not null default 0,
    phase           text        not null default 'RESOLVING',
    joiners         int,
    changed         int,
    unchanged       int,
    leavers         int,
    withholding     text,
    submitted_by    text        not null,
    submitted_at    timestamptz not null
);
create index roster_agreement on roster (agreement_id, submitted_at);

-- per valid row, the customer customer-service registered or matched, and the roster's facts
create table roster_resolution (
    roster_id    uuid   not null references roster (id),
    row_number   bigint not null,
    customer_id  uuid   not null,
    matched      boolean not null,
    position     text   not null,
    officer_role text,
    salary_band  text   not null,
    primary key (roster_id, row_number)
);

-- rows not applied: the field and the message, never the ID number or mobile
create table roster_row_error (
    roster_id  uuid   not null references roster (id),
    row_number bigint not null,
    field      text   not null,
    message    text   not null
);
create index roster_row_error_roster on roster_row_error (roster_id, row_number);

-- the calls the reconciliation planned, each done once (with its Idempotency-Key), in order
create table roster_call (
    roster_id       uuid   not null references roster (id),
    seq             int    not null,
    kind            text   not null,
    customer_id     uuid   not null,
    office          text,
    idempotency_key text   not null,
    done            boolean not null default false,
    relationship_id uuid,
    primary key (roster_id, seq)
);

alter table roster_member add column employee_link_id uuid;
alter table roster_member add column officer_link_id uuid;
