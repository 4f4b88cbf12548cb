package io.bankcrm.crosssell.messaging;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.service.CustomerFacts;
import io.bankcrm.crosssell.service.LeadReactions;
import io.bankcrm.events.EventType;
import io.bankcrm.events.customer.ConsentChanged;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** MARKETING consent per channel (a withdrawal closes the leads that needed it); other purposes do not concern crosssell. */
@ApplicationScoped
public class ConsentChangedHandler implements EventHandler<ConsentChanged> {

    private final CustomerFacts facts;
    private final LeadReactions reactions;

    public ConsentChangedHandler(CustomerFacts facts, LeadReactions reactions) {
        this.facts = facts;
        this.reactions = reactions;
    }

    @Override
    public EventType<ConsentChanged> eventType() {
        return CustomerEvents.CONSENT_CHANGED;
    }

    @Override
    public void handle(IncomingEvent<ConsentChanged> event) {
        ConsentChanged e = event.data();
        if ("MARKETING".equals(e.purpose())) {
            if (facts.marketingConsent(e.customerId(), ConsentChannel.valueOf(e.channel()), e.granted(), e.changedAt())) {
                reactions.consentChanged(e.customerId(), e.granted());
            }
        }
    }
}
