package io.bankcrm.merchant.domain.instalment;

import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The annualised rate of an instalment plan's fee, by the internal rate of return of its schedule, which Chinese
 * regulators expect instalment offers to disclose beside the monthly fee rate: a 0.60% monthly fee over 12 months
 * (7.2% in all) is an annualised rate of about 13%, because the principal is repaid as the months go by.
 *
 * @param monthlyIrr   the monthly rate {@code r} at which the instalments, discounted, are worth the principal
 * @param nominal      {@code r × 12}, in percent to two decimals: the figure disclosed (年化利率, simple)
 * @param effective    {@code (1 + r)^12 − 1}, in percent to two decimals (年化利率, compound)
 */
public record AnnualisedRate(BigDecimal monthlyIrr, BigDecimal nominal, BigDecimal effective) {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final int ITERATIONS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public static final AnnualisedRate ZERO = new AnnualisedRate(BigDecimal.ZERO,
            BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    /**
     * The rate of a loan of {@code principal} repaid by {@code payments}, one a month starting a month after the
     * loan. Payments adding up to the principal (no fee) give zero.
     */
    public static AnnualisedRate of(Money principal, List<Money> payments) {
        BigDecimal p = principal.amount();
        if (p.signum() <= 0 || payments.isEmpty()) {
            throw new IllegalArgumentException("a positive principal and at least one payment are needed");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Money payment : payments) {
            if (payment.amount().signum() < 0) {
                throw new IllegalArgumentException("payments are not negative");
            }
            total = total.add(payment.amount());
        }
        int cmp = total.compareTo(p);
        if (cmp == 0) {
            return ZERO;
        }
        if (cmp < 0) {
            throw new IllegalArgumentException("payments of " + total + " do not repay " + p);
        }
        // presentValue falls as the rate rises: bisect between a rate too low and one too high
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ONE;
        while (presentValue(payments, high).compareTo(p) > 0) {
            low = high;
            high = high.multiply(TWO);
        }
        for (int i = 0; i < ITERATIONS; i++) {
            BigDecimal mid = low.add(high).divide(TWO, MC);
            if (presentValue(payments, mid).compareTo(p) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        BigDecimal r = low.add(high).divide(TWO, MC);
        BigDecimal nominal = r.multiply(TWELVE).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        BigDecimal effective = BigDecimal.ONE.add(r).pow(12, MC).subtract(BigDecimal.ONE).multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        return new AnnualisedRate(r.round(new MathContext(12)), nominal, effective);
    }

    private static BigDecimal presentValue(List<Money> payments, BigDecimal rate) {
        BigDecimal factor = BigDecimal.ONE.add(rate);
        BigDecimal discount = BigDecimal.ONE;
        BigDecimal value = BigDecimal.ZERO;
        for (Money payment : payments) {
            discount = discount.multiply(factor, MC);
            value = value.add(payment.amount().divide(discount, MC), MC);
        }
        return value;
    }
}
