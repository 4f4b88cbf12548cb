-- merchant-service: refunds of card transactions (issue 9, phase B step 3)

create table card_refund (
    id                        uuid primary key,
    -- the switch's refund reference: the idempotency key of a refund, kept for ever
    refund_reference          varchar(64)    not null,
    request_hash              text           not null,
    transaction_id            uuid           not null references card_transaction (id),
    merchant_id               uuid           not null references merchant (id),
    amount                    numeric(19, 2) not null,
    currency                  char(3)        not null,
    discount_merchant         numeric(19, 2) not null,
    discount_bank             numeric(19, 2) not null,
    discount_network          numeric(19, 2) not null,
    fee_issuer                numeric(19, 2) not null,
    fee_acquirer              numeric(19, 2) not null,
    fee_network               numeric(19, 2) not null,
    merchant_net_reversed     numeric(19, 2) not null,
    fully_refunded            boolean        not null,
    settlement_day            date           not null,
    refunded_at               timestamptz    not null,
    answer                    jsonb          not null,
    created_by                varchar(200)   not null,
    constraint card_refund_reference_unique unique (refund_reference)
);
create index card_refund_transaction on card_refund (transaction_id, refunded_at);
create index card_refund_merchant_day on card_refund (merchant_id, settlement_day, id);
