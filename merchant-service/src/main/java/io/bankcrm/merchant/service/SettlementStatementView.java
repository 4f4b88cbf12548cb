package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.settlement.StatementLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's stored statement for one settlement day: each figure summed over the day's lines, and the net
 * payable, which equals the sum of the lines' own nets (the statement is refused otherwise).
 */
@Schema(name = "SettlementStatement", description = "net payable = gross sales − gross refunded − the merchant's own "
        + "discounts − fees − instalment fees the merchant bears + referral commissions − clawbacks; the bank's and "
        + "the network's discount parts are reimbursed to the merchant and do not reduce it")
public record SettlementStatementView(
        UUID merchantId,
        @Schema(description = "The settlement day: transactions accepted from the previous day's cut-off to this one's")
        LocalDate day,
        String currency,
        @Schema(description = "The day's sales before discounts") BigDecimal grossSales,
        @Schema(description = "The day's refunds plus the discount parts they took back, positive") BigDecimal grossRefunded,
        @Schema(description = "Each funder's discount parts, net of the day's refunds") Parts discounts,
        @Schema(description = "What went back to cardholders' cards") BigDecimal cardholderRefunds,
        @Schema(description = "The card fee by party, net of the day's refunds") FeeParts fees,
        @Schema(description = "What the bank finances in instalments, net of refunds (the merchant is paid in full)")
        BigDecimal instalmentPrincipal,
        @Schema(description = "Instalment fees the merchant bears (interest-free plans), net of refunds")
        BigDecimal merchantInstalmentFees,
        BigDecimal referralCommissions,
        BigDecimal referralClawbacks,
        BigDecimal netPayable,
        int lineCount,
        UUID jobId,
        Instant builtAt,
        @Schema(description = "The day's lines, in the order they happened") List<Line> lines) {

    public record Parts(BigDecimal merchant, BigDecimal bank, BigDecimal network) {
    }

    public record FeeParts(BigDecimal issuer, BigDecimal acquirer, BigDecimal network) {
    }

    /** One line, its figures signed as they count towards the day (a refund's are negative). */
    @Schema(name = "SettlementLine")
    public record Line(int seq, StatementLine.Kind kind,
                       @Schema(description = "The card transaction, refund or referral") UUID reference, Instant at,
                       BigDecimal gross, Parts discounts, BigDecimal cardholderRefund, FeeParts fees,
                       BigDecimal instalmentPrincipal, BigDecimal merchantInstalmentFee, BigDecimal referralCommission,
                       BigDecimal referralClawback, BigDecimal net) {
    }
}
