-- crosssell-service, step 4: conversions with their credit (the split rule frozen on the record), targets,
-- training and assessment records.

alter table lead add column opened_product text;
alter table lead add column value_amount numeric(19, 4);
alter table lead add column value_currency char(3);
alter table lead add column opened_on date;
alter table lead add column contract_reference text;

-- append-only versions of the split rule
create table credit_rule (
    version           int primary key,
    corporate_percent numeric(5, 2) not null,
    window_days       int         not null,
    effective_from    date        not null unique,
    created_at        timestamptz not null,
    created_by        text        not null
);

-- one record per conversion (the lead's id), written once; the rule in force is copied, not referenced
create table conversion_credit (
    conversion_id     uuid primary key references lead (id),
    product           text           not null,
    converted_on      date           not null,
    value_amount      numeric(19, 4) not null,
    currency          char(3)        not null,
    rule_version      int,
    corporate_percent numeric(5, 2),
    window_days       int,
    effective_from    date,
    in_window         boolean        not null,
    why               text           not null
);
create index conversion_credit_day on conversion_credit (converted_on);

create table credit_line (
    conversion_id uuid           not null references conversion_credit (conversion_id),
    seq           int            not null,
    role          text           not null,
    team_id       text           not null,
    staff_id      text           not null,
    share         numeric(5, 4)  not null,
    amount        numeric(19, 4) not null,
    primary key (conversion_id, seq)
);

create table target (
    team_id      uuid           not null references team (id),
    period       text           not null,
    product      text           not null,
    count        numeric(12, 4),
    value_amount numeric(19, 4),
    currency     char(3),
    primary key (team_id, period, product)
);

create table training_record (
    id         uuid primary key,
    staff_id   text        not null,
    course     text        not null,
    taken_on   date        not null,
    result     text        not null,
    created_at timestamptz not null,
    created_by text        not null
);
create index training_record_staff on training_record (staff_id, taken_on);
