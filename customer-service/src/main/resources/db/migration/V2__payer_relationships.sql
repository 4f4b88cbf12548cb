-- PAYER_OF: an individual whom a corporate collects from or pays through the bank (代收代付), linked by
-- crosssell-service from a collection agreement's payer list.
alter table customer_relationship drop constraint customer_relationship_type_check;
alter table customer_relationship add constraint customer_relationship_type_check
    check (type in ('EMPLOYEE_OF', 'OFFICER_OF', 'HOUSEHOLD_MEMBER', 'SUBSIDIARY_OF', 'PAYER_OF'));
