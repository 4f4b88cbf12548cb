package io.bankcrm.merchant.domain.transaction;

import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is left of a sale to refund: what the cardholder paid, each funder's discount part, each party's fee
 * share, and the instalment plan as it stands.
 *
 * <p>A refund of {@code R} out of a remaining charge {@code C} takes back the proportion {@code R / C} of each
 * remaining figure: the discount as a whole ({@code D × R / C}, half-even to the fen), split among the funders by
 * largest remainder in proportion to what each has left, and the fee likewise among the parties. No part is ever
 * taken back beyond what is left of it, and the refund of the whole remainder takes back exactly everything, so
 * any sequence of partial refunds ends where a full refund would.
 */
public record Remainder(Money cardholderAmount, Map<Funder, Money> discounts, Map<FeeParty, Money> fees,
                        InstalmentPlan plan) {

    public static final String EXCEEDS = "refund-exceeds-remainder";

    public Remainder {
        Objects.requireNonNull(cardholderAmount, "cardholderAmount");
        discounts = copy(discounts, Funder.class);
        fees = copy(fees, FeeParty.class);
    }

    public static Remainder of(CardSale sale) {
        return new Remainder(sale.cardholderPays(), sale.discounts(), sale.fee().byParty(), sale.plan());
    }

    public boolean fullyRefunded() {
        return cardholderAmount.isZero();
    }

    /**
     * Refunds {@code amount} on {@code asOf} (the bank's date, which decides which instalments are already billed).
     *
     * @throws InvalidInput  for an amount that is not positive
     * @throws StateConflict  ({@value #EXCEEDS}) for more than is left
     */
    public Refund refund(Money amount, LocalDate asOf) {
        if (!amount.isPositive()) {
            throw new InvalidInput("amount", "a refund is a positive amount");
        }
        if (amount.compareTo(cardholderAmount) > 0) {
            throw new StateConflict(EXCEEDS, "only " + cardholderAmount + " of the transaction is left to refund, not "
                    + amount);
        }
        Map<Funder, Money> discountBack = takeBack(discounts, amount);
        Map<FeeParty, Money> feeBack = takeBack(fees, amount);
        Money left = cardholderAmount.minus(amount);
        InstalmentPlan.Recomputation recomputation = plan == null ? null : plan.recompute(left, asOf);
        InstalmentPlan nextPlan = recomputation == null ? null : recomputation.plan();
        Remainder after = new Remainder(left, minus(discounts, discountBack), minus(fees, feeBack), nextPlan);
        return new Refund(amount, discountBack, feeBack, plan, recomputation, after);
    }

    /** The proportion {@code amount / cardholderAmount} of {@code parts}, split by largest remainder. */
    private <K extends Enum<K>> Map<K, Money> takeBack(Map<K, Money> parts, Money amount) {
        Map<K, Money> back = new LinkedHashMap<>();
        Money zero = Money.zero(amount.currency());
        Money whole = Money.sum(amount.currency(), parts.values());
        if (whole.isZero()) {
            parts.keySet().forEach(k -> back.put(k, zero));
            return back;
        }
        Money total = whole.proportion(amount, cardholderAmount);
        List<K> keys = new ArrayList<>(parts.keySet());
        List<BigDecimal> weights = keys.stream().map(k -> parts.get(k).amount()).toList();
        List<Money> shares = total.allocate(weights);
        for (int i = 0; i < keys.size(); i++) {
            back.put(keys.get(i), shares.get(i));
        }
        return back;
    }

    private static <K extends Enum<K>> Map<K, Money> copy(Map<K, Money> parts, Class<K> keys) {
        EnumMap<K, Money> copy = new EnumMap<>(keys);
        copy.putAll(parts);
        return Collections.unmodifiableMap(copy);
    }

    private static <K extends Enum<K>> Map<K, Money> minus(Map<K, Money> parts, Map<K, Money> back) {
        Map<K, Money> left = new LinkedHashMap<>();
        parts.forEach((k, v) -> left.put(k, v.minus(back.get(k))));
        return left;
    }
}
