package io.bankcrm.customer.domain;

/** What a customer may consent to: marketing contact, profiling for offers, sharing within the group. */
public enum ConsentPurpose {
    MARKETING, PROFILING, GROUP_SHARING
}
