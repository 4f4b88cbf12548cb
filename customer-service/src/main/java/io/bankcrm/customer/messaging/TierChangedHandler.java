package io.bankcrm.customer.messaging;

import io.bankcrm.customer.service.ValueTiers;
import io.bankcrm.events.EventType;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TierChanged;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Keeps the customer record's value tier in step with segmentation. The platform runs this once per event id,
 * in a transaction with the inbox record.
 */
@ApplicationScoped
public class TierChangedHandler implements EventHandler<TierChanged> {

    private static final Logger LOG = Logger.getLogger(TierChangedHandler.class);

    private final ValueTiers tiers;

    public TierChangedHandler(ValueTiers tiers) {
        this.tiers = tiers;
    }

    @Override
    public EventType<TierChanged> eventType() {
        return SegmentationEvents.TIER_CHANGED;
    }

    /** An older change never overwrites a newer one, whatever order they arrive in. */
    @Override
    public void handle(IncomingEvent<TierChanged> event) {
        TierChanged change = event.data();
        if (change.customerId() == null || change.newTier() == null) {
            throw new IllegalArgumentException("tier-changed event without customerId or newTier");
        }
        Instant changedAt = change.changedAt() != null ? change.changedAt() : event.time();
        if (!tiers.record(change.customerId(), change.newTier(), change.flags(), change.reasons(), changedAt)) {
            // Segmentation may know customers from value facts that are not (yet) registered here.
            LOG.warnf("tier %s for unknown customer %s ignored", change.newTier(), change.customerId());
        }
    }
}
