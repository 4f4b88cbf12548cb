-- merchant-service: the partnership agreement a merchant signs (AGREEMENT_SIGNED) and its in-kind obligations with
-- their fulfilments, e.g. "the bank promotes the merchant in 20 branches during the offer" (issue 9)

create table agreement (
    id          uuid         primary key,
    merchant_id uuid         not null unique references merchant (id),
    signed_on   date         not null,
    signed_by   varchar(200) not null,
    -- the ETag: every obligation added and every fulfilment recorded moves it on
    version     bigint       not null default 0
);

-- merchants that signed before this migration: the agreement id and the day of their AGREEMENT_SIGNED step (the
-- bank's zone, the crm.time-zone default)
insert into agreement (id, merchant_id, signed_on, signed_by)
select m.agreement_id, m.id, cast(s.at at time zone 'Asia/Shanghai' as date), s.actor
from merchant m
join onboarding_step s on s.merchant_id = m.id and s.to_status = 'AGREEMENT_SIGNED'
where m.agreement_id is not null
  and s.seq = (select min(x.seq) from onboarding_step x where x.merchant_id = m.id and x.to_status = 'AGREEMENT_SIGNED');

create table in_kind_obligation (
    id           uuid         primary key,
    agreement_id uuid         not null references agreement (id),
    seq          integer      not null,
    obligor      varchar(10)  not null,
    description  varchar(500) not null,
    target       integer      not null check (target >= 1),
    unit         varchar(50)  not null,
    due_by       date         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    unique (agreement_id, seq)
);

create table fulfilment (
    obligation_id uuid         not null references in_kind_obligation (id),
    seq           integer      not null,
    quantity      integer      not null check (quantity >= 1),
    fulfilled_on  date         not null,
    evidence      varchar(500),
    recorded_by   varchar(200) not null,
    recorded_at   timestamptz  not null,
    primary key (obligation_id, seq)
);
