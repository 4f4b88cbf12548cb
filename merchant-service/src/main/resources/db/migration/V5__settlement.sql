-- merchant-service: daily settlement statements, built by a platform job at the day's cut-off (issue 9, phase B step 5)

-- one job per settlement day, whichever instance's trigger submits it first
create table settlement_run (
    day          date primary key,
    job_id       uuid         not null,
    submitted_at timestamptz  not null,
    submitted_by varchar(200) not null
);

-- one statement per merchant and day, never changed once stored; its figures reconcile with its lines
create table settlement_statement (
    merchant_id              uuid           not null references merchant (id),
    day                      date           not null,
    currency                 char(3)        not null,
    gross_sales              numeric(19, 2) not null,
    gross_refunded           numeric(19, 2) not null,
    discount_merchant        numeric(19, 2) not null,
    discount_bank            numeric(19, 2) not null,
    discount_network         numeric(19, 2) not null,
    cardholder_refunds       numeric(19, 2) not null,
    fee_issuer               numeric(19, 2) not null,
    fee_acquirer             numeric(19, 2) not null,
    fee_network              numeric(19, 2) not null,
    instalment_principal     numeric(19, 2) not null,
    merchant_instalment_fees numeric(19, 2) not null,
    referral_commissions     numeric(19, 2) not null,
    referral_clawbacks       numeric(19, 2) not null,
    net_payable              numeric(19, 2) not null,
    line_count               integer        not null,
    job_id                   uuid           not null,
    built_at                 timestamptz    not null,
    primary key (merchant_id, day)
);
create index settlement_statement_day on settlement_statement (day, merchant_id);

create table settlement_line (
    merchant_id             uuid           not null,
    day                     date           not null,
    seq                     integer        not null,
    kind                    varchar(20)    not null,
    reference               uuid           not null,
    at                      timestamptz    not null,
    gross                   numeric(19, 2) not null,
    discount_merchant       numeric(19, 2) not null,
    discount_bank           numeric(19, 2) not null,
    discount_network        numeric(19, 2) not null,
    cardholder_refund       numeric(19, 2) not null,
    fee_issuer              numeric(19, 2) not null,
    fee_acquirer            numeric(19, 2) not null,
    fee_network             numeric(19, 2) not null,
    instalment_principal    numeric(19, 2) not null,
    merchant_instalment_fee numeric(19, 2) not null,
    referral_commission     numeric(19, 2) not null,
    referral_clawback       numeric(19, 2) not null,
    net                     numeric(19, 2) not null,
    primary key (merchant_id, day, seq),
    foreign key (merchant_id, day) references settlement_statement (merchant_id, day)
);
