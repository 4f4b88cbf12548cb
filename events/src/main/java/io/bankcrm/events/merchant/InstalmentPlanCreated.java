package io.bankcrm.events.merchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A card transaction was split into monthly instalments: the merchant is paid in full, the cardholder repays the
 * bank over {@code tenorMonths}.
 *
 * @param customerId     the cardholder; null when the transaction named none
 * @param principal      the charged amount spread over the schedule
 * @param monthlyFeeRate the fee rate per month, e.g. 0.0060
 * @param fee            principal × monthly rate × months, exact to the minor unit
 * @param feeBearer      CARDHOLDER, MERCHANT or BANK
 * @param annualisedRate the disclosed nominal annualised rate in percent (the schedule's IRR × 12), e.g. 13.03;
 *                       0 when the cardholder pays no fee
 */
public record InstalmentPlanCreated(
        UUID transactionId,
        UUID customerId,
        UUID merchantId,
        BigDecimal principal,
        String currency,
        int tenorMonths,
        BigDecimal monthlyFeeRate,
        BigDecimal fee,
        String feeBearer,
        BigDecimal annualisedRate,
        LocalDate firstDueOn,
        Instant createdAt) {
}
