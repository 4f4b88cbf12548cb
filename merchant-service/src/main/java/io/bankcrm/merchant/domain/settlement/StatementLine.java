package io.bankcrm.merchant.domain.settlement;

import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.referral.Referral;
import io.bankcrm.merchant.domain.transaction.CardSale;
import io.bankcrm.merchant.domain.transaction.Refund;
import io.bankcrm.platform.money.Money;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a merchant-day's statement, with its figures signed as they count towards the day (a refund's
 * figures are negative, a clawback's commission figure positive but taken off). {@code net} is the line's own
 * effect on what the merchant is owed, computed by the sale, refund or referral itself: the statement adds up
 * the figures separately and checks they arrive at the sum of the lines' nets.
 *
 * @param reference the card transaction, refund or referral id
 */
public record StatementLine(Kind kind, UUID reference, Money gross, Map<Funder, Money> discounts,
                            Money cardholderRefund, Map<FeeParty, Money> fees, Money instalmentPrincipal,
                            Money merchantInstalmentFee, Money referralCommission, Money referralClawback, Money net) {

    public enum Kind { SALE, REFUND, REFERRAL_COMMISSION, REFERRAL_CLAWBACK }

    public StatementLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        discounts = Collections.unmodifiableMap(fill(discounts, Funder.class, gross));
        fees = Collections.unmodifiableMap(fill(fees, FeeParty.class, gross));
    }

    public static StatementLine sale(UUID transactionId, CardSale sale) {
        Money zero = Money.zero(sale.amount().currency());
        Money principal = sale.instalmentPlan().map(InstalmentPlan::principal).orElse(zero);
        return new StatementLine(Kind.SALE, transactionId, sale.amount(), sale.discounts(), zero, sale.fee().byParty(),
                principal, sale.merchantInstalmentFee(), zero, zero, sale.merchantNet());
    }

    public static StatementLine refund(UUID refundId, Refund refund) {
        Money zero = Money.zero(refund.amount().currency());
        Map<Funder, Money> discounts = new EnumMap<>(Funder.class);
        refund.discountReversed().forEach((f, m) -> discounts.put(f, m.negate()));
        Map<FeeParty, Money> fees = new EnumMap<>(FeeParty.class);
        refund.feeReversed().forEach((p, m) -> fees.put(p, m.negate()));
        return new StatementLine(Kind.REFUND, refundId, refund.grossReversed().negate(), discounts,
                refund.amount(), fees, refund.principalReduced().negate(),
                refund.merchantInstalmentFeeReversed().negate(), zero, zero, refund.merchantNetReversed().negate());
    }

    public static StatementLine commission(Referral referral) {
        requireCommission(referral, Referral.Status.CONVERTED, Referral.Status.CLAWED_BACK);
        Money merchant = referral.commission().merchant();
        Money zero = Money.zero(merchant.currency());
        return new StatementLine(Kind.REFERRAL_COMMISSION, referral.id(), zero, Map.of(), zero, Map.of(), zero, zero,
                merchant, zero, merchant);
    }

    public static StatementLine clawback(Referral referral) {
        requireCommission(referral, Referral.Status.CLAWED_BACK);
        Money merchant = referral.commission().merchant();
        Money zero = Money.zero(merchant.currency());
        return new StatementLine(Kind.REFERRAL_CLAWBACK, referral.id(), zero, Map.of(), zero, Map.of(), zero, zero,
                zero, merchant, merchant.negate());
    }

    private static void requireCommission(Referral referral, Referral.Status... statuses) {
        for (Referral.Status s : statuses) {
            if (referral.status() == s) {
                return;
            }
        }
        throw new IllegalArgumentException("referral " + referral.id() + " is " + referral.status());
    }

    private static <K extends Enum<K>> EnumMap<K, Money> fill(Map<K, Money> parts, Class<K> keys, Money any) {
        EnumMap<K, Money> all = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            all.put(key, parts.getOrDefault(key, Money.zero(any.currency())));
        }
        return all;
    }
}
