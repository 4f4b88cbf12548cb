package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.money.Money;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the offer rules see of a card transaction.
 *
 * @param localTime       the transaction time in the bank's zone (validity days and days of week are the bank's)
 * @param cardholderTier  the cardholder's value tier from the segmentation read model; empty when unknown
 * @param bankCard        whether the card was issued by the bank (offers promote the bank's cards)
 * @param usesByOffer     how many earlier transactions of this card each offer applied to
 */
public record PurchaseFacts(UUID merchantId, Money amount, LocalDateTime localTime, Optional<String> cardholderTier,
                            boolean bankCard, Map<UUID, Integer> usesByOffer) {

    public PurchaseFacts {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(localTime, "localTime");
        Objects.requireNonNull(cardholderTier, "cardholderTier");
        usesByOffer = Map.copyOf(usesByOffer);
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a purchase amount is positive");
        }
    }

    public int usesOf(UUID offerId) {
        return usesByOffer.getOrDefault(offerId, 0);
    }
}
