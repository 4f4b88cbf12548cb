package io.bankcrm.events.merchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A card transaction was refunded, in full or in part. Keyed by the transaction id, so it follows its sale on the
 * partition. Consumers that added the sale's spending subtract {@code amount} in the month of
 * {@code originalOccurredAt} (the sale's time, in the bank's zone), not the refund's.
 *
 * @param customerId        the cardholder, as on the sale; null when the sale named none
 * @param amount            what goes back to the card, positive, at most what was left of the charge
 * @param originalOccurredAt when the refunded sale happened
 * @param fullyRefunded     true when nothing of the sale's charge is left after this refund
 */
public record CardRefundRecorded(
        UUID refundId,
        UUID transactionId,
        UUID customerId,
        UUID merchantId,
        String mcc,
        BigDecimal amount,
        String currency,
        Instant originalOccurredAt,
        Instant refundedAt,
        boolean fullyRefunded) {
}
