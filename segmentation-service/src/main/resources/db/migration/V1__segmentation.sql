-- segmentation-service: value facts, customers' kinds, tiers and their entitlements, policies, runs, tier state.

-- The customer kind, learnt from crm.customer.v1, decides which segment's policy tiers a customer.
create table customer (
    customer_id   uuid primary key,
    kind          varchar(20) not null check (kind in ('INDIVIDUAL', 'CORPORATE')),
    registered_at timestamptz,
    updated_at    timestamptz not null
);

-- One customer's figures for one calendar month. Reported figures are replaced as a whole by PUT or a bulk
-- file; card_* figures are added by card-spending events and survive a replacement.
-- Hash-partitioned by customer: a tiering run aggregates each partition on its own (partitionwise aggregate),
-- which keeps every hash table small and lets both cores work; see README (benchmark).
create table value_fact (
    customer_id             uuid          not null,
    month                   date          not null check (extract(day from month) = 1),
    currency                char(3)       not null,
    avg_deposit_balance     numeric(19,2) not null default 0,
    loan_balance            numeric(19,2) not null default 0,
    assets_under_management numeric(19,2) not null default 0,
    net_interest_income     numeric(19,2) not null default 0,
    fee_income              numeric(19,2) not null default 0,
    cost_to_serve           numeric(19,2) not null default 0,
    transaction_count       bigint        not null default 0,
    transaction_amount      numeric(19,2) not null default 0,
    products_held           integer       not null default 0,
    credit_rating           varchar(4),
    card_transaction_count  bigint        not null default 0,
    card_transaction_amount numeric(19,2) not null default 0,
    -- profit contribution of the month: net interest income + fee income - cost to serve
    contribution            numeric(19,2) generated always as (net_interest_income + fee_income - cost_to_serve) stored,
    reported_at             timestamptz,
    source                  varchar(100),
    version                 bigint        not null default 1,
    updated_at              timestamptz   not null,
    primary key (customer_id, month)
) partition by hash (customer_id);

do $$
begin
    for r in 0..15 loop
        execute format('create table value_fact_p%s partition of value_fact for values with (modulus 16, remainder %s)', r, r);
    end loop;
end $$;

-- The catalogue of tiers and what each entitles a customer to; rank 1 is the top tier of its segment.
create table tier (
    code          varchar(30)  primary key,
    segment       varchar(20)  not null check (segment in ('RETAIL', 'CORPORATE')),
    rank          integer      not null,
    name          varchar(100) not null,
    service_model varchar(40)  not null,
    fee_waivers   text[]       not null default '{}',
    priority      integer      not null,
    description   text,
    version       bigint       not null default 1,
    updated_at    timestamptz  not null,
    updated_by    varchar(200),
    unique (segment, rank)
);

insert into tier (code, segment, rank, name, service_model, fee_waivers, priority, description, updated_at) values
 ('PLATINUM', 'RETAIL', 1, 'Platinum', 'DEDICATED_RELATIONSHIP_MANAGER',
  '{ACCOUNT_MAINTENANCE,DOMESTIC_TRANSFER,CROSS_BORDER_TRANSFER,CARD_ANNUAL_FEE,SAFE_DEPOSIT_BOX}', 1,
  'A dedicated relationship manager and private-banking advisory.', now()),
 ('GOLD', 'RETAIL', 2, 'Gold', 'DEDICATED_RELATIONSHIP_MANAGER',
  '{ACCOUNT_MAINTENANCE,DOMESTIC_TRANSFER,CARD_ANNUAL_FEE}', 2,
  'A named relationship manager shared within a small book.', now()),
 ('SILVER', 'RETAIL', 3, 'Silver', 'ONE_STOP_BRANCH', '{ACCOUNT_MAINTENANCE}', 3,
  'Priority counters and one-stop service in the branch.', now()),
 ('MASS', 'RETAIL', 4, 'Mass', 'DIGITAL_SELF_SERVICE', '{}', 4,
  'Digital self-service, with the branch for what cannot be done online.', now()),
 ('STRATEGIC', 'CORPORATE', 1, 'Strategic', 'STRATEGIC_ADVISORY',
  '{ACCOUNT_MAINTENANCE,DOMESTIC_TRANSFER,CROSS_BORDER_TRANSFER,CASH_MANAGEMENT,PAYROLL_SERVICE}', 1,
  'A senior coverage team with advisory for strategic corporate clients.', now()),
 ('KEY', 'CORPORATE', 2, 'Key', 'DEDICATED_RELATIONSHIP_MANAGER',
  '{ACCOUNT_MAINTENANCE,DOMESTIC_TRANSFER,PAYROLL_SERVICE}', 2,
  'A dedicated corporate relationship manager.', now()),
 ('CORE', 'CORPORATE', 3, 'Core', 'ONE_STOP_BRANCH', '{ACCOUNT_MAINTENANCE}', 3,
  'One-stop corporate service in the branch.', now()),
 ('BASIC', 'CORPORATE', 4, 'Basic', 'DIGITAL_SELF_SERVICE', '{}', 4,
  'Corporate internet banking and the service centre.', now());

-- Policies are versioned: an edit adds a version; runs name the version they used.
create table tiering_policy (
    id         uuid         not null,
    version    integer      not null,
    name       varchar(200) not null,
    segment    varchar(20)  not null,
    method     varchar(20)  not null,
    definition jsonb        not null,
    created_at timestamptz  not null,
    created_by varchar(200),
    primary key (id, version)
);

create table tiering_run (
    id             uuid primary key,
    policy_id      uuid         not null,
    policy_version integer      not null,
    segment        varchar(20)  not null,
    method         varchar(20)  not null,
    as_of_month    date         not null,
    dry_run        boolean      not null,
    status         varchar(20)  not null,
    phase          varchar(40)  not null,
    percent        integer      not null default 0,
    customers      bigint,
    report         jsonb,
    failure        text,
    submitted_by   varchar(200),
    submitted_at   timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    heartbeat_at   timestamptz,
    foreign key (policy_id, policy_version) references tiering_policy (id, version)
);
create index tiering_run_pending on tiering_run (submitted_at) where status in ('QUEUED', 'RUNNING');
create index tiering_run_listing on tiering_run (submitted_at desc, id desc);
create index tiering_run_published on tiering_run (segment, as_of_month) where not dry_run and status = 'COMPLETED';

-- Each customer's current tier and the hysteresis state that decides the next run's downgrades.
create table customer_tier (
    customer_id       uuid         primary key,
    segment           varchar(20)  not null,
    tier              varchar(30)  not null,
    flags             text[]       not null,
    reasons           text[]       not null,
    since_month       date         not null,
    below_bar_runs    integer      not null,
    policy_id         uuid         not null,
    policy_version    integer      not null,
    run_id            uuid         not null,
    as_of_month       date         not null,
    reasons_run_id    uuid         not null,
    reasons_month     date         not null,
    updated_at        timestamptz  not null
);
create index customer_tier_segment on customer_tier (segment);

-- Every change of tier or flags, with the run and the reasons.
create table tier_history (
    id             bigint generated always as identity primary key,
    customer_id    uuid        not null,
    run_id         uuid        not null,
    policy_id      uuid        not null,
    policy_version integer     not null,
    as_of_month    date        not null,
    old_tier       varchar(30),
    new_tier       varchar(30) not null,
    old_flags      text[],
    new_flags      text[]      not null,
    reasons        text[]      not null,
    changed_at     timestamptz not null
);
create index tier_history_customer on tier_history (customer_id, id);
