package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.money.Money;

import java.util.Set;
import java.util.UUID;

/**
 * Where the funders' budgets are kept. Phase B implements it over PostgreSQL inside the transaction that records
 * the card transaction: {@code tryDraw} is one conditional update ({@code ... set drawn = drawn + :part where
 * offer_id = :offer and funder = :funder and not exhausted and total - drawn >= :part}), so concurrent
 * transactions can never draw beyond a budget.
 */
public interface BudgetLedger {

    /** Draws {@code part} if the funder is not exhausted and its remaining budget covers it; atomic. */
    boolean tryDraw(UUID offerId, Funder funder, Money part);

    /** Gives back a draw made earlier in the same attempt (another funder of the offer could not pay). */
    void undoDraw(UUID offerId, Funder funder, Money part);

    /**
     * Marks the funder's budget exhausted; true when this call did so, false when a concurrent transaction
     * already had (only the first publishes {@code offer-budget-exhausted}).
     */
    boolean markExhausted(UUID offerId, Funder funder);

    /** The funders of {@code offerId} whose budgets are exhausted. */
    Set<Funder> exhausted(UUID offerId);
}
