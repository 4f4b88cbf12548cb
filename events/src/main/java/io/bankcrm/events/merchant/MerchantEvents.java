package io.bankcrm.events.merchant;

import io.bankcrm.events.EventType;
import io.bankcrm.events.Topics;

/**
 * The events merchant-service publishes on {@value Topics#MERCHANT}. None carries personal data or card data:
 * cardholders are named by customer id, cards not at all.
 */
public final class MerchantEvents {

    public static final EventType<MerchantStatusChanged> MERCHANT_STATUS_CHANGED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.status-changed", "merchant", MerchantStatusChanged.class);
    /** The "card transaction settled" event; keeps the name segmentation-service already consumes. */
    public static final EventType<CardSpendingRecorded> CARD_SPENDING_RECORDED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.card-spending-recorded", "card-transaction", CardSpendingRecorded.class);
    /** Keyed by the transaction id, like its sale. */
    public static final EventType<CardRefundRecorded> CARD_REFUND_RECORDED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.card-refund-recorded", "card-transaction", CardRefundRecorded.class);
    public static final EventType<InstalmentPlanCreated> INSTALMENT_PLAN_CREATED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.instalment-plan-created", "card-transaction", InstalmentPlanCreated.class);
    public static final EventType<ReferralConverted> REFERRAL_CONVERTED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.referral-converted", "referral", ReferralConverted.class);
    public static final EventType<OfferBudgetExhausted> OFFER_BUDGET_EXHAUSTED = new EventType<>(Topics.MERCHANT,
            "crm.merchant.offer-budget-exhausted", "offer", OfferBudgetExhausted.class);

    private MerchantEvents() {
    }
}
