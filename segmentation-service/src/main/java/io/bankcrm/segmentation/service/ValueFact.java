package io.bankcrm.segmentation.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's figures for one month as stored: the reported figures, the card spending added by events, and the
 * month's profit contribution.
 *
 * @param period the month, yyyy-MM
 * @param reportedAt when a bank system last reported the figures; null while only card spending is known
 */
public record ValueFact(
        UUID customerId,
        String period,
        String currency,
        BigDecimal avgDepositBalance,
        BigDecimal loanBalance,
        BigDecimal assetsUnderManagement,
        BigDecimal netInterestIncome,
        BigDecimal feeIncome,
        BigDecimal costToServe,
        BigDecimal contribution,
        long transactionCount,
        BigDecimal transactionAmount,
        int productsHeld,
        String creditRating,
        long cardTransactionCount,
        BigDecimal cardTransactionAmount,
        String source,
        Instant reportedAt,
        Instant updatedAt,
        long version) {
}
