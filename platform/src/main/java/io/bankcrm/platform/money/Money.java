package io.bankcrm.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount in an ISO 4217 currency, held at the currency's minor unit (fen for CNY, cents for USD).
 * Splits use the largest-remainder method, so the shares always add up to the whole to the last minor unit.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = minorDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(amount + " has more decimals than " + currency + " allows (" + digits + ")");
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** One fen, one cent: the smallest amount of {@code currency}. */
    public static Money minorUnit(Currency currency) {
        return new Money(BigDecimal.ONE.movePointLeft(minorDigits(currency)), currency);
    }

    /** The sum of {@code parts}, all in {@code currency}; zero for none. */
    public static Money sum(Currency currency, Collection<Money> parts) {
        Money total = zero(currency);
        for (Money part : parts) {
            total = total.plus(part);
        }
        return total;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Multiplies by a rate and rounds half-even to the minor unit (banker's rounding, no drift over many rows). */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(minorDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** {@code this × n} for a whole count (exact). */
    public Money times(int n) {
        return new Money(amount.multiply(BigDecimal.valueOf(n)), currency);
    }

    /** {@code this / n} rounded down (towards zero) to the minor unit: an equal instalment before the last. */
    public Money divideDown(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("divide by a positive count, not " + n);
        }
        return new Money(amount.divide(BigDecimal.valueOf(n), minorDigits(currency), RoundingMode.DOWN), currency);
    }

    /**
     * {@code this × numerator / denominator}, rounded half-even to the minor unit: the part of a whole that a part
     * of another amount stands for (what a partial refund takes back of a discount). When numerator equals
     * denominator the result is exactly this amount.
     */
    public Money proportion(Money numerator, Money denominator) {
        requireSameCurrency(numerator);
        requireSameCurrency(denominator);
        if (denominator.amount.signum() == 0) {
            throw new IllegalArgumentException("proportion of a zero denominator");
        }
        return new Money(amount.multiply(numerator.amount)
                .divide(denominator.amount, minorDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The smaller of the two (this one when equal). */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Splits this amount in proportion to {@code weights} (non-negative, not all zero). Each share is the floor of
     * its exact part in minor units; the minor units left over go one each to the shares with the largest
     * remainders (ties to the earlier share), so the result is deterministic and sums exactly to this amount.
     */
    public List<Money> allocate(List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total = total.add(w);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        int digits = minorDigits(currency);
        BigInteger units = amount.movePointRight(digits).toBigIntegerExact();
        int sign = units.signum();
        BigInteger magnitude = units.abs();
        List<BigInteger> shares = new ArrayList<>(weights.size());
        List<BigDecimal> remainders = new ArrayList<>(weights.size());
        BigInteger assigned = BigInteger.ZERO;
        for (BigDecimal w : weights) {
            BigDecimal exact = new BigDecimal(magnitude).multiply(w);
            BigDecimal[] qr = exact.divideAndRemainder(total);
            BigInteger floor = qr[0].toBigIntegerExact();
            shares.add(floor);
            remainders.add(qr[1]);
            assigned = assigned.add(floor);
        }
        int left = magnitude.subtract(assigned).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            shares.set(i, shares.get(i).add(BigInteger.ONE));
        }
        List<Money> result = new ArrayList<>(shares.size());
        for (BigInteger share : shares) {
            BigInteger signed = sign < 0 ? share.negate() : share;
            result.add(new Money(new BigDecimal(signed).movePointLeft(digits), currency));
        }
        return result;
    }

    /** Splits by integer ratios, e.g. 7:2:1 for issuer, acquirer and network. */
    public List<Money> allocate(int... ratios) {
        List<BigDecimal> weights = new ArrayList<>(ratios.length);
        for (int r : ratios) {
            weights.add(BigDecimal.valueOf(r));
        }
        return allocate(weights);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    private static int minorDigits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
