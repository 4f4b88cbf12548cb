package io.bankcrm.merchant.domain.offer;

import java.util.UUID;

/**
 * A funder's budget ran out on a transaction: published as {@code crm.merchant.offer-budget-exhausted}.
 *
 * @param offerStops true when the offer stops (policy STOP_OFFER, or no funder is left); false when it goes on
 *                   with the remaining funders' shares
 */
public record BudgetExhaustion(UUID offerId, Funder funder, ExhaustionPolicy policy, boolean offerStops) {
}
