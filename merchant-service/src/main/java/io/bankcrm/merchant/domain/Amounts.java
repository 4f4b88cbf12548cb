package io.bankcrm.merchant.domain;

import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;

/**
 * Operations on platform {@link Money} that it does not offer yet. Each is a candidate to move into {@code Money}
 * itself (merchant-service README, phase B); until then they are here, once, for the whole domain.
 */
public final class Amounts {

    private Amounts() {
    }

    public static boolean isZero(Money m) {
        return m.amount().signum() == 0;
    }

    public static boolean isPositive(Money m) {
        return m.amount().signum() > 0;
    }

    public static Money negate(Money m) {
        return new Money(m.amount().negate(), m.currency());
    }

    public static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Money sum(Currency currency, Collection<Money> parts) {
        Money total = Money.zero(currency);
        for (Money part : parts) {
            total = total.plus(part);
        }
        return total;
    }

    /**
     * {@code whole × numerator / denominator}, rounded half-even to the minor unit. The proportion of a
     * remaining amount that a refund takes back: when numerator equals denominator the result is exactly
     * {@code whole}.
     */
    public static Money proportion(Money whole, Money numerator, Money denominator) {
        if (denominator.amount().signum() == 0) {
            throw new IllegalArgumentException("proportion of a zero denominator");
        }
        BigDecimal exact = whole.amount().multiply(numerator.amount());
        return new Money(exact.divide(denominator.amount(), digits(whole.currency()), RoundingMode.HALF_EVEN),
                whole.currency());
    }

    /** {@code m / n} rounded down (towards zero) to the minor unit: an equal instalment before the last. */
    public static Money divideDown(Money m, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("divide by a positive count, not " + n);
        }
        return new Money(m.amount().divide(BigDecimal.valueOf(n), digits(m.currency()), RoundingMode.DOWN),
                m.currency());
    }

    /** One fen, one cent: the smallest amount of {@code currency}. */
    public static Money minorUnit(Currency currency) {
        return new Money(BigDecimal.ONE.movePointLeft(digits(currency)), currency);
    }

    /** {@code m × n} for a whole count. */
    public static Money times(Money m, int n) {
        return new Money(m.amount().multiply(BigDecimal.valueOf(n)), m.currency());
    }

    private static int digits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
