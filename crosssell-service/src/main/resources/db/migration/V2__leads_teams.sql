-- crosssell-service, step 2: teams with members, capacities and absences; employer links learnt from
-- customer-service's relationship events; leads with their history.

create table team (
    id          uuid primary key,
    name        text        not null,
    kind        text        not null check (kind in ('CORPORATE', 'RETAIL')),
    branch      text        not null,
    team_lead   text        not null,
    sla_minutes int         not null check (sla_minutes between 1 and 43200),
    -- the weighted round robin's state: a credit per member (domain AssignmentState), updated under the row lock
    credits     jsonb       not null default '{}',
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  text        not null
);
create index team_branch on team (branch, kind);

create table team_member (
    team_id  uuid not null references team (id),
    staff_id text not null,
    capacity int  not null check (capacity between 1 and 1000),
    active   boolean not null,
    primary key (team_id, staff_id)
);

create table member_absence (
    id       uuid primary key,
    team_id  uuid not null,
    staff_id text not null,
    from_day date not null,
    to_day   date not null check (to_day >= from_day),
    foreign key (team_id, staff_id) references team_member (team_id, staff_id)
);

-- EMPLOYEE_OF, OFFICER_OF and PAYER_OF links of individuals to corporates, from relationship-linked/-ended.
create table employer_link (
    relationship_id uuid primary key,
    customer_id     uuid not null,
    employer_id     uuid not null,
    type            text not null,
    office          text,
    linked_on       date not null,
    ended_on        date
);
create index employer_link_customer on employer_link (customer_id);
create index employer_link_employer on employer_link (employer_id);

create table lead (
    id                   uuid primary key,
    customer_id          uuid        not null,
    product_code         text        not null references product (code),
    source               text        not null,
    agreement_id         uuid references agreement (id),
    employer_id          uuid,
    campaign_id          uuid,
    linked_on            date,
    team_id              uuid references team (id),
    assignee             text,
    status               text        not null,
    held_from            text,
    held_at              timestamptz,
    furthest             text        not null,
    priority             int         not null,
    priority_explanation jsonb       not null,
    sla_due_at           timestamptz,
    escalated_at         timestamptz,
    approval_required    boolean     not null,
    approved_by          text,
    approved_at          timestamptz,
    version              bigint      not null,
    created_at           timestamptz not null,
    created_by           text        not null,
    updated_at           timestamptz not null
);
-- never two open leads for one customer and product, also under concurrent events: inserts say
-- "on conflict do nothing" against this index
create unique index lead_one_open on lead (customer_id, product_code)
    where status in ('NEW', 'CONTACTED', 'QUALIFIED', 'ON_HOLD');
create index lead_customer on lead (customer_id);
create index lead_agreement on lead (agreement_id) where agreement_id is not null;
create index lead_work on lead (priority desc, created_at, id);
create index lead_overdue on lead (sla_due_at) where status = 'NEW' and escalated_at is null;

create table lead_history (
    seq           bigserial primary key,
    lead_id       uuid        not null references lead (id),
    kind          text        not null,
    at            timestamptz not null,
    actor         text        not null,
    from_status   text,
    to_status     text,
    from_assignee text,
    to_assignee   text,
    reason        text
);
create index lead_history_lead on lead_history (lead_id, seq);

-- The current members of an agreement's roster: what crosssell keeps of a row once customer-service has
-- registered or matched the person (never the name, ID number or mobile). Written by the roster job.
create table roster_member (
    agreement_id uuid not null references agreement (id),
    customer_id  uuid not null,
    position     text,
    officer_role text,
    salary_band  text,
    linked_on    date not null,
    left_on      date,
    primary key (agreement_id, customer_id)
);
create index roster_member_customer on roster_member (customer_id);
