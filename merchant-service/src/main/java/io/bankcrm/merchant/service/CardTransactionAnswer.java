package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.fee.CardType;
import io.bankcrm.merchant.domain.offer.Reason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a card transaction came to, as the switch is answered (and as a repeated reference replays it): the offer
 * applied and why the others did not, what the cardholder pays, what each funder bears, the fee split frozen with
 * its rule, what the merchant is owed.
 */
@Schema(name = "CardTransaction")
public record CardTransactionAnswer(
        UUID id,
        String switchReference,
        UUID merchantId,
        String terminalId,
        @Schema(description = "The switch's token and the last four digits; never the number") Card card,
        UUID customerId,
        BigDecimal amount,
        String currency,
        Instant occurredAt,
        @Schema(description = "The merchant-day the transaction settles on (after the cut-off: the next day)")
        LocalDate settlementDay,
        @Schema(description = "The offer applied; null when none did") AppliedOffer offer,
        @Schema(description = "Why each other offer of the merchant did not apply") List<OfferNotApplied> notApplied,
        BigDecimal cardholderPays,
        Fee fee,
        @Schema(description = "amount − the merchant's own discount − fee − instalment fee it bears")
        BigDecimal merchantNet,
        @Schema(description = "The cardholder's schedule when paid in instalments (the merchant is paid in full); "
                + "null for a plain sale. Refunds recompute it: GET .../instalment-plan shows it as it stands")
        InstalmentPlanView instalmentPlan,
        Instant recordedAt) {

    public record Card(String token, String lastFour, CardType type, boolean onUs) {
    }

    public record AppliedOffer(UUID offerId, BigDecimal discount, BigDecimal merchantPart, BigDecimal bankPart,
                               BigDecimal networkPart) {
    }

    public record OfferNotApplied(UUID offerId, Reason reason, String detail) {
    }

    /** The fee on what the card was charged and its split, by the rule in force at the transaction's time. */
    public record Fee(UUID ruleId, BigDecimal merchantDiscountRate, BigDecimal base, BigDecimal fee,
                      BigDecimal issuer, BigDecimal acquirer, BigDecimal network) {
    }
}
