package io.bankcrm.crosssell.messaging;

import io.bankcrm.crosssell.service.CustomerFacts;
import io.bankcrm.crosssell.service.LeadReactions;
import io.bankcrm.events.EventType;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TierChanged;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A customer's value tier from segmentation-service: it gates products and ranks leads. */
@ApplicationScoped
public class TierChangedHandler implements EventHandler<TierChanged> {

    private final CustomerFacts facts;
    private final LeadReactions reactions;

    public TierChangedHandler(CustomerFacts facts, LeadReactions reactions) {
        this.facts = facts;
        this.reactions = reactions;
    }

    @Override
    public EventType<TierChanged> eventType() {
        return SegmentationEvents.TIER_CHANGED;
    }

    @Override
    public void handle(IncomingEvent<TierChanged> event) {
        TierChanged e = event.data();
        facts.tier(e.customerId(), e.newTier(), e.changedAt());
        reactions.tierChanged(e.customerId());
    }
}
