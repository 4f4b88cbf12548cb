package io.bankcrm.events.merchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A merchant's referral converted (card activated and used within the programme's window): the commission is
 * earned and split by the programme's shares frozen at this moment. {@code bankPart + merchantPart = commission}.
 *
 * @param programmeVersion the referral programme version whose shares were frozen
 * @param customerId       the referred cardholder (registered as a PROSPECT at sign-up)
 */
public record ReferralConverted(
        UUID referralId,
        UUID programmeId,
        int programmeVersion,
        UUID merchantId,
        UUID customerId,
        BigDecimal commission,
        BigDecimal bankPart,
        BigDecimal merchantPart,
        String currency,
        Instant convertedAt) {
}
