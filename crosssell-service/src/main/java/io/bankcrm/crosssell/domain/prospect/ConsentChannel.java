package io.bankcrm.crosssell.domain.prospect;

/** The channels a customer gives marketing consent on, as customer-service's events name them. */
public enum ConsentChannel {
    SMS, EMAIL, PHONE, APP
}
