package io.bankcrm.merchant.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One refund's effects: each funder's discount part given back to its budget, each party's fee share reversed,
 * what the merchant gives back, and what is left of the transaction.
 */
@Schema(name = "CardRefund")
public record RefundAnswer(UUID id, String refundReference, UUID transactionId, BigDecimal amount, String currency,
                           BigDecimal merchantDiscountReversed, BigDecimal bankDiscountReversed,
                           BigDecimal networkDiscountReversed, BigDecimal issuerFeeReversed,
                           BigDecimal acquirerFeeReversed, BigDecimal networkFeeReversed,
                           BigDecimal merchantNetReversed,
                           @Schema(description = "What the card can still be refunded") BigDecimal remaining,
                           boolean fullyRefunded, LocalDate settlementDay,
                           @Schema(description = "The instalment plan recomputed on the remaining principal "
                                   + "(CANCELLED when nothing is left); null for a plain sale")
                           InstalmentPlanView instalmentPlan,
                           Instant refundedAt) {
}
