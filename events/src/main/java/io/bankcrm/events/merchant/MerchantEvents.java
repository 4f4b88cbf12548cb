package io.bankcrm.events.merchant;

import io.bankcrm.events.EventType;
import io.bankcrm.events.Topics;

/** The events merchant-service publishes on {@value Topics#MERCHANT}. */
public final class MerchantEvents {

    public static final EventType<CardSpendingRecorded> CARD_SPENDING_RECORDED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.card-spending-recorded", "card-transaction", CardSpendingRecorded.class);

    private MerchantEvents() {
    }
}
