package io.bankcrm.merchant.domain.transaction;

import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.platform.money.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One refund's effects: what goes back to the cardholder, each funder's discount part returned to its budget,
 * each party's fee share reversed, and the recomputed instalment plan.
 *
 * @param planBefore     the plan before this refund; null when the sale was not in instalments
 * @param recomputation  the plan after it and the cardholder's credit; null when not in instalments
 * @param after          what is left to refund after this one
 */
public record Refund(Money amount, Map<Funder, Money> discountReversed, Map<FeeParty, Money> feeReversed,
                     InstalmentPlan planBefore, InstalmentPlan.Recomputation recomputation, Remainder after) {

    public Refund {
        discountReversed = Collections.unmodifiableMap(new LinkedHashMap<>(discountReversed));
        feeReversed = Collections.unmodifiableMap(new LinkedHashMap<>(feeReversed));
    }

    public Money discountReversedOf(Funder funder) {
        return discountReversed.getOrDefault(funder, Money.zero(amount.currency()));
    }

    public Money feeReversedTotal() {
        return Money.sum(amount.currency(), feeReversed.values());
    }

    /** The sale's gross reversed: the refund plus the discount parts taken back. */
    public Money grossReversed() {
        return amount.plus(Money.sum(amount.currency(), discountReversed.values()));
    }

    /** The instalment principal no longer financed. */
    public Money principalReduced() {
        return planBefore == null ? Money.zero(amount.currency()) : amount;
    }

    /** The part of the merchant's instalment fee given back with the recomputed plan. */
    public Money merchantInstalmentFeeReversed() {
        if (planBefore == null) {
            return Money.zero(amount.currency());
        }
        return planBefore.merchantFee().minus(recomputation.plan().merchantFee());
    }

    public Optional<InstalmentPlan.Recomputation> instalments() {
        return Optional.ofNullable(recomputation);
    }

    /**
     * What the merchant gives back: the refund, plus the bank's and network's subsidies it had been reimbursed,
     * less the fee and instalment fee reversed in its favour.
     */
    public Money merchantNetReversed() {
        return amount.plus(discountReversedOf(Funder.BANK)).plus(discountReversedOf(Funder.NETWORK))
                .minus(feeReversedTotal()).minus(merchantInstalmentFeeReversed());
    }
}
