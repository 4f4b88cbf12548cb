package io.bankcrm.customer.messaging;

import io.bankcrm.customer.domain.Customer;
import io.bankcrm.events.EventType;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TierChanged;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the customer record's value tier in step with segmentation. The platform runs this once per event id,
 * in a transaction with the inbox record.
 */
@ApplicationScoped
public class TierChangedHandler implements EventHandler<TierChanged> {

    private static final Logger LOG = Logger.getLogger(TierChangedHandler.class);

    private final ObjectMapper mapper;

    public TierChangedHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public EventType<TierChanged> eventType() {
        return SegmentationEvents.TIER_CHANGED;
    }

    /**
     * Updates the read model in place. It is not profile data, so it leaves the record's version (and every ETag
     * a client holds) alone; an older change never overwrites a newer one, whatever order they arrive in.
     */
    @Override
    public void handle(IncomingEvent<TierChanged> event) {
        TierChanged change = event.data();
        if (change.customerId() == null || change.newTier() == null) {
            throw new IllegalArgumentException("tier-changed event without customerId or newTier");
        }
        Instant changedAt = change.changedAt() != null ? change.changedAt() : event.time();
        int updated = Customer.getEntityManager().createNativeQuery("""
                        update customer set value_tier = ?2, value_tier_flags = ?3,
                               value_tier_reasons = cast(?4 as jsonb), value_tier_changed_at = ?5
                        where id = ?1 and (value_tier_changed_at is null or value_tier_changed_at < ?5)""")
                .setParameter(1, change.customerId())
                .setParameter(2, change.newTier())
                .setParameter(3, change.flags() == null || change.flags().isEmpty() ? null : String.join(",", change.flags()))
                .setParameter(4, json(change.reasons() == null ? List.of() : change.reasons()))
                .setParameter(5, changedAt)
                .executeUpdate();
        if (updated == 0 && Customer.findById(change.customerId()) == null) {
            // Segmentation may know customers from value facts that are not (yet) registered here.
            LOG.warnf("tier %s for unknown customer %s ignored", change.newTier(), change.customerId());
        }
    }

    private String json(List<String> reasons) {
        try {
            return mapper.writeValueAsString(reasons);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
