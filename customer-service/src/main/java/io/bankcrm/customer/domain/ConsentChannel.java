package io.bankcrm.customer.domain;

/** The channels consent is given per. */
public enum ConsentChannel {
    SMS, EMAIL, PHONE, APP
}
