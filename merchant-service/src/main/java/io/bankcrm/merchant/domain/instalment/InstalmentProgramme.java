package io.bankcrm.merchant.domain.instalment;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A merchant's instalment offer, as negotiated with the bank.
 *
 * @param monthlyFeeRates the monthly fee rate (月手续费率) per tenor offered, charged on the principal each month,
 *                        e.g. 0.0060 for 12 months; a tenor not listed is not offered
 * @param minPrincipal    the smallest purchase that may be paid in instalments
 */
public record InstalmentProgramme(UUID id, UUID merchantId, Map<Tenor, BigDecimal> monthlyFeeRates, FeeBearer feeBearer,
                                  Money minPrincipal) {

    /** 3% a month is far beyond any bank's price: a typing error. */
    public static final BigDecimal MAX_MONTHLY_RATE = new BigDecimal("0.03");

    public InstalmentProgramme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        List<Violation> issues = new ArrayList<>();
        if (monthlyFeeRates == null || monthlyFeeRates.isEmpty()) {
            issues.add(new Violation("monthlyFeeRates", "at least one tenor"));
        } else {
            monthlyFeeRates.forEach((tenor, rate) -> {
                if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_MONTHLY_RATE) > 0) {
                    issues.add(new Violation("monthlyFeeRates." + tenor, "a monthly rate from 0 to " + MAX_MONTHLY_RATE));
                } else if (rate.stripTrailingZeros().scale() > 6) {
                    issues.add(new Violation("monthlyFeeRates." + tenor, "at most six decimals"));
                }
            });
        }
        if (feeBearer == null) {
            issues.add(new Violation("feeBearer", "CARDHOLDER, MERCHANT or BANK"));
        }
        if (minPrincipal == null || !minPrincipal.isPositive()) {
            issues.add(new Violation("minPrincipal", "a positive amount"));
        }
        InvalidInput.throwIfAny(issues);
        monthlyFeeRates = Collections.unmodifiableMap(new EnumMap<>(monthlyFeeRates));
    }

    /**
     * The plan for a purchase of {@code principal} over {@code tenor}, its first instalment due on
     * {@code firstDue} and each next one a month later.
     */
    public InstalmentPlan plan(Money principal, Tenor tenor, LocalDate firstDue) {
        BigDecimal rate = monthlyFeeRates.get(tenor);
        if (rate == null) {
            throw new InvalidInput("instalmentTenor", "this merchant offers " + monthlyFeeRates.keySet()
                    + " months, not " + tenor.months());
        }
        if (principal.compareTo(minPrincipal) < 0) {
            throw new InvalidInput("amount", "instalments start from " + minPrincipal);
        }
        return InstalmentPlan.create(id, principal, tenor, rate, feeBearer, firstDue);
    }
}
