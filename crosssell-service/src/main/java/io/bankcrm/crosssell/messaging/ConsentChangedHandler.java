package io.bankcrm.crosssell.messaging;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.service.CustomerFacts;
import io.bankcrm.events.EventType;
import io.bankcrm.events.customer.ConsentChanged;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** MARKETING consent per channel; the other purposes do not concern crosssell. */
@ApplicationScoped
public class ConsentChangedHandler implements EventHandler<ConsentChanged> {

    private final CustomerFacts facts;

    public ConsentChangedHandler(CustomerFacts facts) {
        this.facts = facts;
    }

    @Override
    public EventType<ConsentChanged> eventType() {
        return CustomerEvents.CONSENT_CHANGED;
    }

    @Override
    public void handle(IncomingEvent<ConsentChanged> event) {
        ConsentChanged e = event.data();
        if ("MARKETING".equals(e.purpose())) {
            facts.marketingConsent(e.customerId(), ConsentChannel.valueOf(e.channel()), e.granted(), e.changedAt());
        }
    }
}
