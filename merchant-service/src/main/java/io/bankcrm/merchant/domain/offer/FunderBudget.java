package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.money.Money;

import java.util.Objects;
import java.util.UUID;

/**
 * One funder's budget for one offer: what it committed, what transactions have drawn, and whether it ran out.
 * A funder is exhausted the first time its remaining budget cannot cover its part of a transaction (a part is
 * never paid partly); from then on it funds nothing until topped up, so the cardholder's benefit does not flicker
 * with the size of each purchase. A refund gives the funder's part back to the budget without lifting the mark.
 */
public record FunderBudget(UUID offerId, Funder funder, Money total, Money drawn, boolean exhausted) {

    public static final String EXHAUSTED = "budget-exhausted";

    public FunderBudget {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(funder, "funder");
        if (total.amount().signum() <= 0) {
            throw new InvalidInput("budget." + funder, "a budget is positive");
        }
        if (drawn.amount().signum() < 0 || drawn.compareTo(total) > 0) {
            throw new IllegalArgumentException("drawn " + drawn + " must be between 0 and the total " + total);
        }
    }

    public static FunderBudget of(UUID offerId, Funder funder, Money total) {
        return new FunderBudget(offerId, funder, total, Money.zero(total.currency()), false);
    }

    public Money remaining() {
        return total.minus(drawn);
    }

    public boolean covers(Money part) {
        return !exhausted && remaining().compareTo(part) >= 0;
    }

    /** Draws {@code part}; refused (nothing drawn) when the budget is exhausted or cannot cover it. */
    public FunderBudget draw(Money part) {
        requirePositive(part);
        if (!covers(part)) {
            throw new StateConflict(EXHAUSTED, funder + " budget of offer " + offerId + " has " + remaining()
                    + " left, not enough for " + part);
        }
        return new FunderBudget(offerId, funder, total, drawn.plus(part), false);
    }

    /** Gives back what a refund reverses; never more than was drawn. */
    public FunderBudget restore(Money part) {
        if (part.isZero()) {
            return this;
        }
        requirePositive(part);
        if (part.compareTo(drawn) > 0) {
            throw new IllegalArgumentException("cannot restore " + part + ": only " + drawn + " was drawn");
        }
        return new FunderBudget(offerId, funder, total, drawn.minus(part), exhausted);
    }

    public FunderBudget markExhausted() {
        return new FunderBudget(offerId, funder, total, drawn, true);
    }

    /** Adds to the budget and lifts the exhaustion mark. */
    public FunderBudget topUp(Money more) {
        requirePositive(more);
        return new FunderBudget(offerId, funder, total.plus(more), drawn, false);
    }

    private static void requirePositive(Money part) {
        if (part.amount().signum() <= 0) {
            throw new IllegalArgumentException("a budget movement is positive, not " + part);
        }
    }
}
