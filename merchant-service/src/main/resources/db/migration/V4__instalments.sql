-- merchant-service: instalment programmes and the cardholders' plans (issue 9, phase B step 4)

-- one programme per merchant; a change is a new version, and every plan keeps the terms it was made with
create table instalment_programme (
    id            uuid primary key,
    merchant_id   uuid           not null references merchant (id),
    fee_bearer    varchar(12)    not null,
    min_principal numeric(19, 2) not null,
    currency      char(3)        not null,
    -- the monthly fee rate per tenor; null: the tenor is not offered
    rate_3        numeric(9, 6),
    rate_6        numeric(9, 6),
    rate_12       numeric(9, 6),
    rate_24       numeric(9, 6),
    created_at    timestamptz    not null,
    created_by    varchar(200)   not null,
    updated_at    timestamptz    not null,
    updated_by    varchar(200)   not null,
    version       bigint         not null default 0,
    constraint instalment_programme_merchant_unique unique (merchant_id)
);

alter table card_transaction add column instalment_tenor smallint;

create table instalment_plan (
    transaction_id       uuid primary key references card_transaction (id),
    programme_id         uuid           not null references instalment_programme (id),
    programme_version    bigint         not null,
    merchant_id          uuid           not null references merchant (id),
    customer_id          uuid,
    status               varchar(10)    not null,
    principal            numeric(19, 2) not null,
    currency             char(3)        not null,
    tenor_months         smallint       not null,
    monthly_fee_rate     numeric(9, 6)  not null,
    fee_bearer           varchar(12)    not null,
    fee                  numeric(19, 2) not null,
    -- the disclosed rate of the plan as made (the IRR of its first schedule)
    monthly_irr          numeric        not null,
    annualised_nominal   numeric(9, 2)  not null,
    annualised_effective numeric(9, 2)  not null,
    -- credited to the card account by refunds (billed instalments beyond the new total)
    cardholder_credit    numeric(19, 2) not null default 0,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null
);

create table instalment (
    transaction_id uuid           not null references instalment_plan (transaction_id),
    number         smallint       not null,
    due_on         date           not null,
    principal      numeric(19, 2) not null,
    fee            numeric(19, 2) not null,
    amount         numeric(19, 2) not null,
    primary key (transaction_id, number),
    constraint instalment_sum check (amount = principal + fee)
);

-- what a refund did to the plan (settlement: instalment principal and the merchant's fee given back)
alter table card_refund add column principal_reduced numeric(19, 2) not null default 0;
alter table card_refund add column merchant_instalment_fee_reversed numeric(19, 2) not null default 0;
