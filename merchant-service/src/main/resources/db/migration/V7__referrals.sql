-- merchant-service: referral programmes and the cardholders merchants sign up with them (issue 9 "Referrals").
-- The applicant's personal data is not here: it goes to customer-service, which answers the PROSPECT's id.

create table referral_programme (
    id              uuid          primary key,
    merchant_id     uuid          not null references merchant (id),
    code            varchar(16)   not null,
    reward_per_card numeric(19,2) not null,
    currency        char(3)       not null,
    bank_share      smallint      not null,
    merchant_share  smallint      not null,
    conversion_days smallint      not null,
    clawback_days   smallint      not null,
    valid_from      date          not null,
    valid_to        date,
    -- the ETag; a conversion freezes the version (and its shares) in force
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(200)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(200)  not null,
    constraint referral_programme_code_unique unique (code)
);

create table referral (
    id                        uuid          primary key,
    programme_id              uuid          not null references referral_programme (id),
    merchant_id               uuid          not null references merchant (id),
    -- the PROSPECT customer-service registered for the applicant
    prospect_id               uuid          not null,
    -- a sign-up's Idempotency-Key (caller and key) and a keyed HMAC of its body: a replay is told from another body
    -- without keeping the applicant's data
    idempotency_scope         varchar(400),
    request_hmac              varchar(100),
    signed_up_at              timestamptz   not null,
    signed_up_by              varchar(200)  not null,
    conversion_deadline       timestamptz   not null,
    status                    varchar(12)   not null,
    activated_at              timestamptz,
    converted_at              timestamptz,
    programme_version         bigint,
    commission                numeric(19,2),
    bank_part                 numeric(19,2),
    merchant_part             numeric(19,2),
    bank_share                smallint,
    merchant_share            smallint,
    currency                  char(3)       not null,
    clawback_deadline         timestamptz,
    ended_at                  timestamptz,
    -- the statements the commission and its clawback are on (fixed when they happen, like a sale's)
    commission_settlement_day date,
    clawback_settlement_day   date,
    version                   bigint        not null default 0,
    constraint referral_idempotency_unique unique (idempotency_scope)
);
create index referral_commission_day on referral (commission_settlement_day, merchant_id)
    where commission_settlement_day is not null;
create index referral_clawback_day on referral (clawback_settlement_day, merchant_id)
    where clawback_settlement_day is not null;
