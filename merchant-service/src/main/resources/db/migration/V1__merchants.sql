-- merchant-service: merchants and their onboarding (issue 9, phase B step 1)

create table merchant (
    id                        uuid primary key,
    registered_name           varchar(100) not null,
    credit_code               char(18)     not null,
    licence_number            varchar(18)  not null,
    licence_expiry            date,
    legal_rep_name            varchar(50)  not null,
    -- personal data: AES-GCM (platform PiiProtector) and its blind index; never in clear
    legal_rep_id_encrypted    text         not null,
    legal_rep_id_index        text         not null,
    mcc                       char(4)      not null,
    mcc_group                 varchar(30)  not null,
    registered_address        jsonb        not null,
    business_address          jsonb        not null,
    settlement_account_name   varchar(100) not null,
    settlement_bank_code      char(12)     not null,
    settlement_account_number varchar(32)  not null,
    status                    varchar(20)  not null,
    suspended_from            varchar(20),
    risk_decision             varchar(10),
    risk_score                integer,
    risk_reasons              text[],
    agreement_id              uuid,
    applied_on                date         not null,
    entered_status_at         timestamptz  not null,
    created_at                timestamptz  not null,
    created_by                varchar(200) not null,
    updated_at                timestamptz  not null,
    updated_by                varchar(200) not null,
    version                   bigint       not null default 0,
    constraint merchant_credit_code_unique unique (credit_code)
);

-- the overdue list: one range scan per status, oldest first
create index merchant_status_entered on merchant (status, entered_status_at, id);
create index merchant_group on merchant (mcc_group, id);

create table onboarding_step (
    merchant_id uuid         not null references merchant (id),
    seq         integer      not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    actor       varchar(200) not null,
    at          timestamptz  not null,
    note        varchar(600),
    primary key (merchant_id, seq)
);

create table merchant_document (
    merchant_id   uuid         not null references merchant (id),
    document_type varchar(40)  not null,
    received_by   varchar(200) not null,
    received_at   timestamptz  not null,
    primary key (merchant_id, document_type)
);

-- a terminal id belongs to one merchant
create table terminal (
    terminal_id  char(8)      primary key,
    merchant_id  uuid         not null references merchant (id),
    installed_by varchar(200) not null,
    installed_at timestamptz  not null
);
create index terminal_merchant on terminal (merchant_id, terminal_id);
