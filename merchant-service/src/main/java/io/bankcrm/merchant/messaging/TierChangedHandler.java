package io.bankcrm.merchant.messaging;

import io.bankcrm.events.EventType;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TierChanged;
import io.bankcrm.merchant.service.TierReadModel;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the cardholders' tiers that offers' eligible tiers are checked against (once per event, by the inbox). */
@ApplicationScoped
public class TierChangedHandler implements EventHandler<TierChanged> {

    private final TierReadModel tiers;

    public TierChangedHandler(TierReadModel tiers) {
        this.tiers = tiers;
    }

    @Override
    public EventType<TierChanged> eventType() {
        return SegmentationEvents.TIER_CHANGED;
    }

    @Override
    public void handle(IncomingEvent<TierChanged> event) {
        TierChanged data = event.data();
        if (data.customerId() == null || data.newTier() == null || data.changedAt() == null) {
            throw new IllegalArgumentException("tier-changed event without customerId, newTier or changedAt");
        }
        tiers.changed(data.customerId(), data.newTier(), data.asOfMonth(), data.changedAt());
    }
}
