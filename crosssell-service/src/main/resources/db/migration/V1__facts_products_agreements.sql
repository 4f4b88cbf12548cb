-- crosssell-service, step 1: what it learns of customers from events, the products catalogue, and the payroll and
-- collection agreements of corporate customers with their status history. No name, ID number or phone is kept.

-- Projection of crm.customer.v1 (kind, status, branch, RM) and crm.segmentation.v1 (tier). A tier may arrive
-- before the registration, hence the nullable kind.
create table customer_fact (
    customer_id          uuid primary key,
    kind                 text check (kind in ('INDIVIDUAL', 'CORPORATE')),
    status               text,
    home_branch          text,
    relationship_manager text,
    tier                 text,
    tier_changed_at      timestamptz,
    updated_at           timestamptz not null
);

-- MARKETING consent per channel, as customer-service's consent-changed events state it (the latest wins).
create table marketing_consent (
    customer_id uuid        not null,
    channel     text        not null check (channel in ('SMS', 'EMAIL', 'PHONE', 'APP')),
    granted     boolean     not null,
    changed_at  timestamptz not null,
    primary key (customer_id, channel)
);

create table product (
    code                text primary key,
    name                text        not null,
    category            text        not null,
    kinds               text[]      not null,
    minimum_tier        text,
    minimum_salary_band text,
    consent_channels    text[]      not null,
    exclude_holders     boolean     not null,
    target_bands        text[]      not null,
    for_officers        boolean     not null,
    active              boolean     not null,
    version             bigint      not null,
    updated_at          timestamptz not null,
    updated_by          text        not null
);

-- Who holds what: from conversions and from core banking's holdings feed.
create table product_holding (
    customer_id  uuid        not null,
    product_code text        not null references product (code),
    since        date        not null,
    source       text        not null,
    recorded_at  timestamptz not null,
    primary key (customer_id, product_code)
);

-- Both kinds in one table; the terms of the other kind are null.
create table agreement (
    id                     uuid primary key,
    kind                   text        not null check (kind in ('PAYROLL', 'COLLECTION')),
    corporate_id           uuid        not null,
    branch                 text        not null,
    corporate_team_id      uuid,
    relationship_manager   text        not null,
    account                text        not null,
    pay_day                int,
    expected_headcount     int,
    category               text,
    payers_per_month       int,
    fee_amount             numeric(19, 4) not null,
    fee_currency           char(3)     not null,
    contact_needs_approval boolean     not null,
    status                 text        not null check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    version                bigint      not null,
    created_at             timestamptz not null,
    created_by             text        not null,
    updated_at             timestamptz not null
);
create index agreement_corporate on agreement (corporate_id);

create table agreement_history (
    seq          bigserial primary key,
    agreement_id uuid        not null references agreement (id),
    from_status  text,
    to_status    text        not null,
    actor        text        not null,
    at           timestamptz not null,
    reason       text
);
create index agreement_history_agreement on agreement_history (agreement_id, seq);
