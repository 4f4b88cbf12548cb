package io.bankcrm.events.merchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A cardholder spent at a partner merchant: merchant-service publishes it once per card transaction. The card
 * number never travels: the cardholder is named by customer id.
 *
 * @param amount the transaction amount, positive
 * @param currency ISO 4217 code of {@code amount}
 */
public record CardSpendingRecorded(
        UUID transactionId,
        UUID customerId,
        UUID merchantId,
        BigDecimal amount,
        String currency,
        Instant occurredAt) {
}
