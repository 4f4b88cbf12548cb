package io.bankcrm.customer.domain;

/** How a contact ended. */
public enum InteractionOutcome {
    COMPLETED, INTERESTED, NOT_INTERESTED, FOLLOW_UP_NEEDED, NO_ANSWER, COMPLAINT_RAISED, PRODUCT_SOLD
}
