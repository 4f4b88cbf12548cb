package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.cny;

/** Object mother for offers and purchases. */
final class Offers {

    static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    static final LocalDate TO = LocalDate.of(2026, 8, 31);
    /** A Saturday in the offers' period, 19:30 in Shanghai. */
    static final LocalDateTime SATURDAY_EVENING = LocalDateTime.of(2026, 6, 13, 19, 30);

    private Offers() {
    }

    static OfferConditions anyPurchase() {
        return new OfferConditions(FROM, TO, Set.of(), null, null, Set.of(), true, null, null);
    }

    static Offer halfPrice() {
        return new Offer(UUID.fromString("00000000-0000-0000-0000-00000000000b"), MERCHANT, "Half price with the bank's card",
                OfferType.CO_FUNDED, Map.of(Funder.MERCHANT, new BigDecimal("0.20"), Funder.BANK, new BigDecimal("0.30")),
                null, anyPurchase(), 10, ExhaustionPolicy.STOP_OFFER, OfferStatus.LIVE);
    }

    static Offer fifteenOff() {
        return new Offer(UUID.fromString("00000000-0000-0000-0000-00000000000c"), MERCHANT, "15% off",
                OfferType.MERCHANT_FUNDED, Map.of(Funder.MERCHANT, new BigDecimal("0.15")), null, anyPurchase(), 10,
                ExhaustionPolicy.STOP_OFFER, OfferStatus.LIVE);
    }

    static Offer fixed(String id, String amount, int priority, OfferConditions conditions) {
        return new Offer(UUID.fromString(id), MERCHANT, "Fixed " + amount, OfferType.FIXED_AMOUNT,
                Map.of(Funder.MERCHANT, new BigDecimal("0.5"), Funder.BANK, new BigDecimal("0.5")), cny(amount),
                conditions, priority, ExhaustionPolicy.STOP_OFFER, OfferStatus.LIVE);
    }

    static Offer withPolicy(Offer o, ExhaustionPolicy policy) {
        return new Offer(o.id(), o.merchantId(), o.name(), o.type(), o.shares(), o.fixedAmount(), o.conditions(),
                o.priority(), policy, o.status());
    }

    static PurchaseFacts purchase(String amount) {
        return purchase(cny(amount), SATURDAY_EVENING, Optional.of("GOLD"), true, Map.of());
    }

    static PurchaseFacts purchase(Money amount, LocalDateTime at, Optional<String> tier, boolean bankCard,
                                  Map<UUID, Integer> uses) {
        return new PurchaseFacts(MERCHANT, amount, at, tier, bankCard, uses);
    }
}
