package io.bankcrm.events.customer;

import io.bankcrm.events.EventType;
import io.bankcrm.events.Topics;

/**
 * The events customer-service publishes on {@value Topics#CUSTOMER}, keyed by customer id.
 * Personal identifiers (ID numbers, phones, e-mails) never travel in events: consumers that need them ask
 * customer-service with their own credentials.
 */
public final class CustomerEvents {

    public static final String AGGREGATE = "customer";

    public static final EventType<CustomerRegistered> REGISTERED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.registered", AGGREGATE, CustomerRegistered.class);
    public static final EventType<CustomerUpdated> UPDATED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.updated", AGGREGATE, CustomerUpdated.class);
    public static final EventType<CustomerStatusChanged> STATUS_CHANGED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.status-changed", AGGREGATE, CustomerStatusChanged.class);
    public static final EventType<RelationshipLinked> RELATIONSHIP_LINKED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.relationship-linked", AGGREGATE, RelationshipLinked.class);
    public static final EventType<RelationshipEnded> RELATIONSHIP_ENDED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.relationship-ended", AGGREGATE, RelationshipEnded.class);
    public static final EventType<ConsentChanged> CONSENT_CHANGED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.consent-changed", AGGREGATE, ConsentChanged.class);

    public static final EventType<InteractionRecorded> INTERACTION_RECORDED =
            new EventType<>(Topics.CUSTOMER, "crm.customer.interaction-recorded", AGGREGATE, InteractionRecorded.class);

    private CustomerEvents() {
    }
}
