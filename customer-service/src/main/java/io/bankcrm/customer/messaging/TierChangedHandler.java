package io.bankcrm.customer.messaging;

import io.bankcrm.customer.domain.Customer;
import io.bankcrm.events.EventType;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TierChanged;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the customer record's value tier in step with segmentation. The platform runs this once per event id,
 * in a transaction with the inbox record.
 */
@ApplicationScoped
public class TierChangedHandler implements EventHandler<TierChanged> {

    private static final Logger LOG = Logger.getLogger(TierChangedHandler.class);

    @Override
    public EventType<TierChanged> eventType() {
        return SegmentationEvents.TIER_CHANGED;
    }

    @Override
    public void handle(IncomingEvent<TierChanged> event) {
        TierChanged change = event.data();
        if (change.customerId() == null || change.newTier() == null) {
            throw new IllegalArgumentException("tier-changed event without customerId or newTier");
        }
        Customer customer = Customer.findById(change.customerId());
        if (customer == null) {
            // Segmentation may know customers from value facts before their registration arrives here.
            LOG.warnf("tier %s for unknown customer %s ignored", change.newTier(), change.customerId());
            return;
        }
        customer.applyTier(change.newTier(), change.flags(), change.reasons(),
                change.changedAt() != null ? change.changedAt() : event.time());
    }
}
