package io.bankcrm.customer.domain;

/** Retail (a person) or corporate (an organisation) customer. */
public enum CustomerKind {
    INDIVIDUAL, CORPORATE
}
