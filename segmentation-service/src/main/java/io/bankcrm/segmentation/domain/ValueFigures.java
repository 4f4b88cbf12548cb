package io.bankcrm.segmentation.domain;

import io.bankcrm.platform.domain.Violation;

// documentation only: the bounds the rules below enforce, as the OpenAPI document shows them
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One customer's reported figures for one month, as another bank system sends them. Balances are monthly
 * averages; income and cost are the month's. Money is exact, to the fen, in the reporting currency.
 *
 * @param creditRating the internal credit grade; null for an unrated customer
 */
public record ValueFigures(
        BigDecimal avgDepositBalance,
        BigDecimal loanBalance,
        BigDecimal assetsUnderManagement,
        BigDecimal netInterestIncome,
        BigDecimal feeIncome,
        BigDecimal costToServe,
        @Schema(minimum = "0", maximum = "9223372036854775807") Long transactionCount,
        BigDecimal transactionAmount,
        @Schema(minimum = "0", maximum = "2147483647") Integer productsHeld,
        @Schema(enumeration = {"AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D"}, nullable = true,
                description = "The internal credit grade; absent or null for an unrated customer") String creditRating,
        @Schema(maxLength = 3, pattern = "^[A-Z]{3}$", description = "The reporting currency (ISO 4217), e.g. CNY")
        String currency) {

    private static final BigDecimal LARGEST = new BigDecimal("99999999999999999.99");

    /** Profit contribution of the month: net interest income + fee income - cost to serve. */
    public BigDecimal contribution() {
        return netInterestIncome.add(feeIncome).subtract(costToServe);
    }

    /** What is wrong with these figures, by field; empty when they can be stored. */
    public List<Violation> problems(String reportingCurrency) {
        List<Violation> problems = new ArrayList<>();
        amount(problems, "avgDepositBalance", avgDepositBalance, false);
        amount(problems, "loanBalance", loanBalance, false);
        amount(problems, "assetsUnderManagement", assetsUnderManagement, false);
        amount(problems, "netInterestIncome", netInterestIncome, true);
        amount(problems, "feeIncome", feeIncome, true);
        amount(problems, "costToServe", costToServe, false);
        amount(problems, "transactionAmount", transactionAmount, false);
        if (transactionCount == null) {
            problems.add(new Violation("transactionCount", "is required"));
        } else if (transactionCount < 0) {
            problems.add(new Violation("transactionCount", "must not be negative"));
        }
        if (productsHeld == null) {
            problems.add(new Violation("productsHeld", "is required"));
        } else if (productsHeld < 0) {
            problems.add(new Violation("productsHeld", "must not be negative"));
        }
        if (creditRating != null && CreditRating.parse(creditRating).isEmpty()) {
            problems.add(new Violation("creditRating", "must be one of " + Arrays.toString(CreditRating.values())
                    + " or empty for an unrated customer"));
        }
        if (currency == null) {
            problems.add(new Violation("currency", "is required"));
        } else if (!currency.equals(reportingCurrency)) {
            problems.add(new Violation("currency", "must be " + reportingCurrency
                    + ", the reporting currency: convert before sending"));
        }
        return problems;
    }

    private static void amount(List<Violation> problems, String field, BigDecimal value, boolean signed) {
        if (value == null) {
            problems.add(new Violation(field, "is required"));
        } else if (!signed && value.signum() < 0) {
            problems.add(new Violation(field, "must not be negative"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(new Violation(field, "must have at most 2 decimals"));
        } else if (value.abs().compareTo(LARGEST) > 0) {
            problems.add(new Violation(field, "is too large"));
        }
    }
}
