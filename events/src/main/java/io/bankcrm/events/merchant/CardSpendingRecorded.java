package io.bankcrm.events.merchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A cardholder spent at a partner merchant (the "card transaction settled" event): merchant-service publishes it
 * once per accepted card transaction whose cardholder's customer id is known. The card number never travels: the
 * cardholder is named by customer id.
 *
 * @param amount   what the card was charged (after any offer's discount), positive
 * @param currency ISO 4217 code of {@code amount} (CNY)
 * @param mcc      the merchant's ISO 18245 category code, four digits; null from producers older than the field
 */
public record CardSpendingRecorded(
        UUID transactionId,
        UUID customerId,
        UUID merchantId,
        BigDecimal amount,
        String currency,
        Instant occurredAt,
        String mcc) {
}
