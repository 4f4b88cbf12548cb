-- customer-service schema. Personal identifiers (ID number, mobile, e-mail) are stored encrypted (*_enc),
-- with a keyed hash for exact search (*_hash) and a masked copy for display (*_masked); never in clear.

create table customer (
    id                          uuid primary key,
    kind                        varchar(12)  not null check (kind in ('INDIVIDUAL', 'CORPORATE')),
    status                      varchar(12)  not null check (status in ('PROSPECT', 'ACTIVE', 'DORMANT', 'CLOSED')),
    display_name                varchar(200) not null,
    -- lower-cased display name, the key of prefix search; byte order ("C") so that a prefix is an index range
    name_key                    varchar(200) collate "C" not null,
    id_type                     varchar(40),
    id_number_enc               text,
    id_number_hash              char(64),
    id_number_masked            varchar(40),
    date_of_birth               date,
    mobile_enc                  text,
    mobile_hash                 char(64),
    mobile_masked               varchar(20),
    email_enc                   text,
    email_hash                  char(64),
    email_masked                varchar(254),
    address                     varchar(500),
    occupation                  varchar(100),
    employer                    varchar(200),
    credit_code                 char(18),
    legal_representative        varchar(100),
    industry                    varchar(100),
    registered_capital          numeric(19, 2),
    registered_capital_currency char(3),
    home_branch                 varchar(50),
    relationship_manager        varchar(100),
    source_channel              varchar(50),
    value_tier                  varchar(40),
    value_tier_flags            varchar(200),
    value_tier_reasons          jsonb,
    value_tier_changed_at       timestamptz,
    completeness_score          smallint     not null,
    completeness_issues         jsonb        not null,
    version                     bigint       not null,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    created_by                  varchar(200) not null,
    updated_by                  varchar(200) not null
);

-- one customer per identity: ID number, credit code, or (for individuals known only by phone) name + mobile
create unique index customer_id_number_uq on customer (id_type, id_number_hash) where id_number_hash is not null;
create unique index customer_credit_code_uq on customer (credit_code) where credit_code is not null;
create unique index customer_name_mobile_uq on customer (name_key, mobile_hash)
    where id_number_hash is null and mobile_hash is not null and kind = 'INDIVIDUAL';

-- every search path has its index; keyset paging orders by (key, id)
create index customer_name_prefix on customer (name_key, id);
create index customer_mobile on customer (mobile_hash) where mobile_hash is not null;
create index customer_id_number on customer (id_number_hash) where id_number_hash is not null;
create index customer_name_dob on customer (name_key, date_of_birth) where date_of_birth is not null;
create index customer_kind on customer (kind, id);
create index customer_status on customer (status, id);
create index customer_tier on customer (value_tier, id) where value_tier is not null;
create index customer_branch on customer (home_branch, id);
create index customer_manager on customer (relationship_manager, id);
create index customer_branch_completeness on customer (home_branch, completeness_score, id);
create index customer_manager_completeness on customer (relationship_manager, completeness_score, id);

create table customer_relationship (
    id                  uuid primary key,
    customer_id         uuid         not null references customer (id),
    related_customer_id uuid         not null references customer (id),
    type                varchar(20)  not null check (type in ('EMPLOYEE_OF', 'OFFICER_OF', 'HOUSEHOLD_MEMBER', 'SUBSIDIARY_OF')),
    office              varchar(100),
    valid_from          date         not null,
    valid_to            date,
    ended_at            timestamptz,
    end_reason          varchar(200),
    created_at          timestamptz  not null,
    version             bigint       not null,
    check (customer_id <> related_customer_id),
    check (valid_to is null or valid_to >= valid_from)
);
-- one open link of a type between two customers; ended ones stay as history
create unique index customer_relationship_open_uq on customer_relationship (customer_id, related_customer_id, type)
    where ended_at is null;
create index customer_relationship_from on customer_relationship (customer_id);
create index customer_relationship_to on customer_relationship (related_customer_id);

create table consent (
    customer_id uuid        not null references customer (id),
    purpose     varchar(20) not null,
    channel     varchar(10) not null,
    granted     boolean     not null,
    source      varchar(100) not null,
    changed_at  timestamptz not null,
    changed_by  varchar(100),
    version     bigint      not null,
    primary key (customer_id, purpose, channel)
);

create table consent_history (
    id          bigint generated always as identity primary key,
    customer_id uuid         not null references customer (id),
    purpose     varchar(20)  not null,
    channel     varchar(10)  not null,
    granted     boolean      not null,
    source      varchar(100) not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(100)
);
create index consent_history_customer on consent_history (customer_id, id desc);

create table interaction (
    id          uuid primary key,
    customer_id uuid         not null references customer (id),
    channel     varchar(20)  not null,
    purpose     varchar(30)  not null,
    outcome     varchar(30)  not null,
    staff       varchar(100) not null,
    occurred_at timestamptz  not null,
    note        varchar(2000),
    recorded_at timestamptz  not null
);
create index interaction_customer_newest on interaction (customer_id, occurred_at desc, id desc);

create table status_history (
    id          bigint generated always as identity primary key,
    customer_id uuid        not null references customer (id),
    from_status varchar(12) not null,
    to_status   varchar(12) not null,
    reason      varchar(200),
    changed_at  timestamptz not null,
    changed_by  varchar(100)
);
create index status_history_customer on status_history (customer_id, id desc);
