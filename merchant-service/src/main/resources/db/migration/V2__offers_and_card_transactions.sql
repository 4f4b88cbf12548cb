-- merchant-service: fee split rules, offers with per-funder budgets, card transactions (issue 9, phase B step 2)

create table fee_split_rule (
    id                     uuid primary key,
    mcc_group              varchar(30)  not null,
    card_type              varchar(10)  not null,
    effective_from         date         not null,
    effective_to           date,
    merchant_discount_rate numeric(9, 6) not null,
    issuer_share           integer      not null,
    acquirer_share         integer      not null,
    network_share          integer      not null,
    cap_per_transaction    numeric(19, 2),
    currency               char(3)      not null,
    on_us_via_network      boolean      not null,
    created_at             timestamptz  not null,
    created_by             varchar(200) not null,
    ended_at               timestamptz,
    ended_by               varchar(200)
);
create index fee_split_rule_lookup on fee_split_rule (mcc_group, card_type, effective_from);

create table offer (
    id                  uuid primary key,
    merchant_id         uuid          not null references merchant (id),
    name                varchar(100)  not null,
    type                varchar(20)   not null,
    merchant_share      numeric(9, 6),
    bank_share          numeric(9, 6),
    network_share       numeric(9, 6),
    fixed_amount        numeric(19, 2),
    currency            char(3)       not null,
    valid_from          date          not null,
    valid_to            date          not null,
    days_of_week        smallint[]    not null,
    min_amount          numeric(19, 2),
    max_amount          numeric(19, 2),
    eligible_tiers      text[]        not null,
    bank_cards_only     boolean       not null,
    uses_per_card       integer,
    cap_per_transaction numeric(19, 2),
    priority            integer       not null,
    exhaustion_policy   varchar(40)   not null,
    status              varchar(20)   not null,
    created_at          timestamptz   not null,
    created_by          varchar(200)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(200)  not null,
    version             bigint        not null default 0
);
-- a transaction reads its merchant's offers that may apply: one index range
create index offer_merchant_status on offer (merchant_id, status, id);

-- one row per funder: a draw is one conditional update, never beyond the total
create table offer_budget (
    offer_id  uuid           not null references offer (id),
    funder    varchar(10)    not null,
    total     numeric(19, 2) not null,
    drawn     numeric(19, 2) not null default 0,
    exhausted boolean        not null default false,
    primary key (offer_id, funder),
    constraint offer_budget_within check (drawn >= 0 and drawn <= total)
);

-- uses of an offer per card (the card token's blind index, not the token)
create table offer_card_use (
    offer_id        uuid    not null references offer (id),
    card_token_hash text    not null,
    uses            integer not null,
    primary key (offer_id, card_token_hash)
);

-- the segmentation read model: the cardholder's current value tier (offers' eligible tiers)
create table customer_tier (
    customer_id uuid        primary key,
    tier        varchar(40) not null,
    as_of_month varchar(7)  not null,
    changed_at  timestamptz not null
);

create table card_transaction (
    id                        uuid primary key,
    -- the acquiring switch's reference is the idempotency key, kept for ever
    switch_reference          varchar(64)    not null,
    request_hash              text           not null,
    merchant_id               uuid           not null references merchant (id),
    terminal_id               char(8)        not null,
    card_token                varchar(64)    not null,
    card_last_four            char(4)        not null,
    card_type                 varchar(10)    not null,
    on_us                     boolean        not null,
    customer_id               uuid,
    mcc                       char(4)        not null,
    mcc_group                 varchar(30)    not null,
    amount                    numeric(19, 2) not null,
    currency                  char(3)        not null,
    occurred_at               timestamptz    not null,
    settlement_day            date           not null,
    offer_id                  uuid references offer (id),
    discount_merchant         numeric(19, 2) not null,
    discount_bank             numeric(19, 2) not null,
    discount_network          numeric(19, 2) not null,
    cardholder_pays           numeric(19, 2) not null,
    -- the fee split rule in force, frozen on the transaction
    fee_rule_id               uuid           not null references fee_split_rule (id),
    merchant_discount_rate    numeric(9, 6)  not null,
    fee                       numeric(19, 2) not null,
    fee_issuer                numeric(19, 2) not null,
    fee_acquirer              numeric(19, 2) not null,
    fee_network               numeric(19, 2) not null,
    merchant_instalment_fee   numeric(19, 2) not null,
    merchant_net              numeric(19, 2) not null,
    -- what is left to refund (Remainder)
    remaining_charge          numeric(19, 2) not null,
    remaining_discount_merchant numeric(19, 2) not null,
    remaining_discount_bank   numeric(19, 2) not null,
    remaining_discount_network numeric(19, 2) not null,
    remaining_fee_issuer      numeric(19, 2) not null,
    remaining_fee_acquirer    numeric(19, 2) not null,
    remaining_fee_network     numeric(19, 2) not null,
    answer                    jsonb          not null,
    created_at                timestamptz    not null,
    created_by                varchar(200)   not null,
    constraint card_transaction_reference_unique unique (switch_reference)
);
create index card_transaction_merchant_day on card_transaction (merchant_id, settlement_day, id);
