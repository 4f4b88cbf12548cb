-- crosssell-service, step 5: campaigns. A campaign targets customers by kind, tier, salary band, employer, consent
-- and not holding its product; launching it (a platform job of kind campaign-launch) generates its leads in bulk,
-- set-based, against the open-lead partial unique index lead_one_open.

create table campaign (
    id                  uuid primary key,
    name                text           not null,
    product_code        text           not null references product (code),
    customer_kind       text           not null check (customer_kind in ('INDIVIDUAL', 'CORPORATE')),
    -- empty: any tier (the untiered included); else one of these tiers
    tiers               text[]         not null,
    -- empty: any band (an unknown band included); else one of these salary bands
    salary_bands        text[]         not null,
    -- null: anyone; else current employees and officers of this corporate customer
    employer_id         uuid,
    -- MARKETING consent on at least one of these channels (never empty: a campaign is marketing)
    consent_channels    text[]         not null check (cardinality(consent_channels) > 0),
    exclude_holders     boolean        not null,
    starts_on           date           not null,
    ends_on             date           not null check (ends_on >= starts_on),
    budget_amount       numeric(19, 4) not null check (budget_amount >= 0),
    cost_amount         numeric(19, 4) not null check (cost_amount >= 0),
    currency            char(3)        not null,
    status              text           not null check (status in ('DRAFT', 'LAUNCHED')),
    launch_job_id       uuid,
    version             bigint         not null,
    created_at          timestamptz    not null,
    created_by          text           not null,
    updated_at          timestamptz    not null
);
create index campaign_list on campaign (created_at desc, id desc);

-- the funnel reads a campaign's leads
create index lead_campaign on lead (campaign_id) where campaign_id is not null;
-- the launch looks up the current roster facts and the links to an employer by customer
create index roster_member_current on roster_member (customer_id, linked_on desc) where left_on is null;
