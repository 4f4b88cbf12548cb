package io.bankcrm.merchant.domain.transaction;

import io.bankcrm.merchant.domain.fee.FeeSplit;
import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.instalment.InstalmentProgramme;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.OfferQuote;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a card transaction comes to: the offer applied, what the cardholder pays, what each funder bears, the fee
 * split and the instalment plan. The answer to the acquiring switch, and what refunds and settlement work from.
 *
 * <p>The card is charged the amount less the discount; the fee is on that charge. The merchant forgoes its own part
 * of the discount and is reimbursed the bank's and the network's, so it is owed
 * {@code amount − merchant's discount − fee − instalment fee it bears}.
 *
 * @param offerId   null when no offer applied
 * @param discounts each funder's part of the discount (funders without a part are absent)
 * @param plan      null unless paid in instalments; its principal is what the card is charged
 */
public record CardSale(Money amount, UUID offerId, Map<Funder, Money> discounts, Money cardholderPays, FeeSplit fee,
                       InstalmentPlan plan) {

    public CardSale {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        EnumMap<Funder, Money> copy = new EnumMap<>(Funder.class);
        copy.putAll(discounts);
        discounts = Collections.unmodifiableMap(copy);
        if (!amount.minus(Money.sum(amount.currency(), discounts.values())).equals(cardholderPays)) {
            throw new IllegalStateException("the cardholder pays the amount less the discounts");
        }
        if (!fee.base().equals(cardholderPays)) {
            throw new IllegalStateException("the fee is on what the card is charged");
        }
        if (plan != null && !plan.principal().equals(cardholderPays)) {
            throw new IllegalStateException("an instalment plan finances what the card is charged");
        }
    }

    /**
     * Prices a transaction.
     *
     * @param quote    the offer that applied and whose budgets were drawn, if any
     * @param rule     the fee split rule in force on the transaction's day for its MCC group and card type
     * @param onUs     the bank issued the card
     * @param firstDue the first instalment's due date (the cardholder's next statement day); ignored without a tenor
     */
    public static CardSale price(Money amount, Optional<OfferQuote> quote, FeeSplitRule rule, boolean onUs,
                                 Optional<InstalmentProgramme> programme, Optional<Tenor> tenor, LocalDate firstDue) {
        Map<Funder, Money> discounts = quote.map(OfferQuote::byFunder).orElse(Map.of());
        if (quote.isPresent() && !quote.get().amount().equals(amount)) {
            throw new IllegalArgumentException("the offer was quoted on another amount");
        }
        Money charged = amount.minus(Money.sum(amount.currency(), discounts.values()));
        InstalmentPlan plan = null;
        if (tenor.isPresent()) {
            InstalmentProgramme p = programme.orElseThrow(() -> new InvalidInput(
                    "instalmentTenor", "this merchant has no instalment programme"));
            plan = p.plan(charged, tenor.get(), firstDue);
        }
        return new CardSale(amount, quote.map(OfferQuote::offerId).orElse(null), discounts, charged,
                rule.split(charged, onUs), plan);
    }

    public Money discount() {
        return Money.sum(amount.currency(), discounts.values());
    }

    public Money discountOf(Funder funder) {
        return discounts.getOrDefault(funder, Money.zero(amount.currency()));
    }

    public Optional<InstalmentPlan> instalmentPlan() {
        return Optional.ofNullable(plan);
    }

    /** The instalment fee taken from the merchant (interest-free plans the merchant pays for). */
    public Money merchantInstalmentFee() {
        return plan == null ? Money.zero(amount.currency()) : plan.merchantFee();
    }

    /** What the merchant is owed for this sale. */
    public Money merchantNet() {
        return amount.minus(discountOf(Funder.MERCHANT)).minus(fee.fee()).minus(merchantInstalmentFee());
    }
}
