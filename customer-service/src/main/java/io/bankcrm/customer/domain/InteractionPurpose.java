package io.bankcrm.customer.domain;

/** Why the bank and the customer were in contact. */
public enum InteractionPurpose {
    SERVICE, SALES, ADVISORY, COMPLAINT, KYC_UPDATE, MARKETING, COLLECTION, RELATIONSHIP_REVIEW
}
