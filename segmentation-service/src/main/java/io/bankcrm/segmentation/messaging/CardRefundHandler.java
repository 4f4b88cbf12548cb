package io.bankcrm.segmentation.messaging;

import io.bankcrm.events.EventType;
import io.bankcrm.events.merchant.CardRefundRecorded;
import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import io.bankcrm.segmentation.service.ValueFacts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Takes card refunds at partner merchants off the cardholder's month of the refunded sale (its
 * {@code originalOccurredAt}, not the refund's time), and the transaction off the count only once the sale is
 * fully refunded; the inbox applies each event once. A refund of a sale these facts never had is dead-lettered.
 */
@ApplicationScoped
public class CardRefundHandler implements EventHandler<CardRefundRecorded> {

    private final ValueFacts facts;

    public CardRefundHandler(ValueFacts facts) {
        this.facts = facts;
    }

    @Override
    public EventType<CardRefundRecorded> eventType() {
        return MerchantEvents.CARD_REFUND_RECORDED;
    }

    @Override
    public void handle(IncomingEvent<CardRefundRecorded> event) {
        CardRefundRecorded data = event.data();
        if (data.customerId() == null) {
            return;
        }
        facts.subtractCardSpending(data.customerId(), data.amount(), data.currency(), data.originalOccurredAt(),
                data.fullyRefunded());
    }
}
