package io.bankcrm.crosssell.messaging;

import io.bankcrm.crosssell.service.CustomerFacts;
import io.bankcrm.crosssell.service.LeadReactions;
import io.bankcrm.events.EventType;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerRegistered;
import io.bankcrm.events.customer.CustomerStatusChanged;
import io.bankcrm.events.customer.CustomerUpdated;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** customer-service's registrations, profile updates and status changes, into {@code customer_fact}; a closed customer's leads expire. */
public final class CustomerProfileHandlers {

    private CustomerProfileHandlers() {
    }

    @ApplicationScoped
    public static class Registered implements EventHandler<CustomerRegistered> {
        private final CustomerFacts facts;

        public Registered(CustomerFacts facts) {
            this.facts = facts;
        }

        @Override
        public EventType<CustomerRegistered> eventType() {
            return CustomerEvents.REGISTERED;
        }

        @Override
        public void handle(IncomingEvent<CustomerRegistered> event) {
            CustomerRegistered e = event.data();
            facts.profile(e.customerId(), e.kind(), e.status(), e.homeBranch(), e.relationshipManager());
        }
    }

    @ApplicationScoped
    public static class Updated implements EventHandler<CustomerUpdated> {
        private final CustomerFacts facts;

        public Updated(CustomerFacts facts) {
            this.facts = facts;
        }

        @Override
        public EventType<CustomerUpdated> eventType() {
            return CustomerEvents.UPDATED;
        }

        @Override
        public void handle(IncomingEvent<CustomerUpdated> event) {
            CustomerUpdated e = event.data();
            facts.profile(e.customerId(), e.kind(), null, e.homeBranch(), e.relationshipManager());
        }
    }

    @ApplicationScoped
    public static class StatusChanged implements EventHandler<CustomerStatusChanged> {
        private final CustomerFacts facts;
        private final LeadReactions reactions;

        public StatusChanged(CustomerFacts facts, LeadReactions reactions) {
            this.facts = facts;
            this.reactions = reactions;
        }

        @Override
        public EventType<CustomerStatusChanged> eventType() {
            return CustomerEvents.STATUS_CHANGED;
        }

        @Override
        public void handle(IncomingEvent<CustomerStatusChanged> event) {
            CustomerStatusChanged e = event.data();
            facts.status(e.customerId(), e.kind(), e.toStatus());
            if ("CLOSED".equals(e.toStatus())) {
                reactions.closed(e.customerId());
            }
        }
    }
}
