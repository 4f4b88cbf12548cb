package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.money.Money;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one offer would give on one transaction.
 *
 * @param discount       the cardholder's benefit: the sum of {@code byFunder}, to the fen
 * @param byFunder       each funder's part of the discount (only funders with a part)
 * @param cardholderPays the amount less the discount
 */
public record OfferQuote(UUID offerId, int priority, Money amount, Money discount, Map<Funder, Money> byFunder,
                         Money cardholderPays) {

    public OfferQuote {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(discount, "discount");
        EnumMap<Funder, Money> copy = new EnumMap<>(Funder.class);
        copy.putAll(byFunder);
        byFunder = Collections.unmodifiableMap(copy);
        if (!Money.sum(discount.currency(), byFunder.values()).equals(discount)) {
            throw new IllegalStateException("funders' parts " + byFunder + " do not add up to " + discount);
        }
        if (!amount.minus(discount).equals(cardholderPays)) {
            throw new IllegalStateException("the cardholder pays the amount less the discount");
        }
    }

    /** What {@code funder} bears; zero for a funder without a part. */
    public Money partOf(Funder funder) {
        return byFunder.getOrDefault(funder, Money.zero(discount.currency()));
    }
}
