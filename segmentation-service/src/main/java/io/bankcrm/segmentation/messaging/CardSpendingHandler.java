package io.bankcrm.segmentation.messaging;

import io.bankcrm.events.EventType;
import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import io.bankcrm.events.merchant.CardSpendingRecorded;
import io.bankcrm.segmentation.service.ValueFacts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds card spending at partner merchants to the cardholder's month; the inbox applies each event once, so a
 * redelivered event is not counted twice.
 */
@ApplicationScoped
public class CardSpendingHandler implements EventHandler<CardSpendingRecorded> {

    private final ValueFacts facts;

    public CardSpendingHandler(ValueFacts facts) {
        this.facts = facts;
    }

    @Override
    public EventType<CardSpendingRecorded> eventType() {
        return MerchantEvents.CARD_SPENDING_RECORDED;
    }

    @Override
    public void handle(IncomingEvent<CardSpendingRecorded> event) {
        CardSpendingRecorded data = event.data();
        facts.addCardSpending(data.customerId(), data.amount(), data.currency(), data.occurredAt());
    }
}
