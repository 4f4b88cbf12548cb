package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.ValueFigures;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of a bulk value-facts file: a CSV with these column names as its header, or one JSON object per line.
 *
 * @param period the month, yyyy-MM
 */
public record ValueFactRow(
        UUID customerId,
        String period,
        BigDecimal avgDepositBalance,
        BigDecimal loanBalance,
        BigDecimal assetsUnderManagement,
        BigDecimal netInterestIncome,
        BigDecimal feeIncome,
        BigDecimal costToServe,
        Long transactionCount,
        BigDecimal transactionAmount,
        Integer productsHeld,
        String creditRating,
        String currency) {

    public ValueFigures figures() {
        return new ValueFigures(avgDepositBalance, loanBalance, assetsUnderManagement, netInterestIncome, feeIncome,
                costToServe, transactionCount, transactionAmount, productsHeld, creditRating, currency);
    }
}
