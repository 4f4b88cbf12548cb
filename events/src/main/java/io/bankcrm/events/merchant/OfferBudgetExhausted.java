package io.bankcrm.events.merchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One funder's budget on an offer could not cover its part of a discount: published once per funder and
 * exhaustion (until a top-up lifts it).
 *
 * @param funder     MERCHANT, BANK or NETWORK
 * @param policy     the agreement's answer: STOP_OFFER or CONTINUE_WITH_REMAINING_FUNDERS
 * @param offerStops true when the offer stopped (it is EXHAUSTED until topped up)
 * @param remaining  what was left of the funder's budget, smaller than the part it could not cover
 */
public record OfferBudgetExhausted(
        UUID offerId,
        UUID merchantId,
        String funder,
        String policy,
        boolean offerStops,
        BigDecimal remaining,
        String currency,
        Instant exhaustedAt) {
}
