package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.CreditRating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A customer's figures for one month as stored: the reported figures, the card spending added by events, and the
 * month's profit contribution.
 *
 * @param period the month, shown as yyyy-MM
 * @param creditRating null when not reported
 * @param reportedAt when a bank system last reported the figures; null while only card spending is known
 */
public record ValueFact(
        UUID customerId,
        YearMonth period,
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
        CreditRating creditRating,
        long cardTransactionCount,
        BigDecimal cardTransactionAmount,
        String source,
        Instant reportedAt,
        Instant updatedAt,
        long version) {
}
