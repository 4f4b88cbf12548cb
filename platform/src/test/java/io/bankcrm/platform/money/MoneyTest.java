package io.bankcrm.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money and exact allocation (container-free). */
class MoneyTest {

    @Test
    void splitsAFeeSevenTwoOneToTheFen() {
        List<Money> shares = Money.of("0.01", "CNY").allocate(7, 2, 1);
        assertEquals(List.of(Money.of("0.01", "CNY"), Money.of("0.00", "CNY"), Money.of("0.00", "CNY")), shares);
        assertEquals(List.of(Money.of("70.00", "CNY"), Money.of("20.00", "CNY"), Money.of("10.00", "CNY")),
                Money.of("100", "CNY").allocate(7, 2, 1));
    }

    @Test
    void givesLeftoverMinorUnitsToTheLargestRemainders() {
        // 100.00 / 3 = 33.333...: one fen is left over and goes to the first share (ties to the earlier share)
        assertEquals(List.of(Money.of("33.34", "CNY"), Money.of("33.33", "CNY"), Money.of("33.33", "CNY")),
                Money.of("100.00", "CNY").allocate(1, 1, 1));
        // 10.00 split 0.3 : 0.7 with a remainder that favours the larger fraction
        assertEquals(List.of(Money.of("3.33", "CNY"), Money.of("6.67", "CNY")),
                Money.of("10.00", "CNY").allocate(List.of(new BigDecimal("1"), new BigDecimal("2.0030"))));
    }

    @Test
    void sharesAlwaysSumToTheWholeIncludingNegativeAmounts() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 2_000; i++) {
            Money whole = new Money(BigDecimal.valueOf(random.nextLong(-1_000_000_00L, 1_000_000_00L), 2),
                    Currency.getInstance("CNY"));
            int n = random.nextInt(1, 7);
            int[] ratios = new int[n];
            for (int k = 0; k < n; k++) {
                ratios[k] = random.nextInt(0, 10);
            }
            ratios[0] = Math.max(ratios[0], 1);
            Money sum = Money.zero(whole.currency());
            for (Money share : whole.allocate(ratios)) {
                sum = sum.plus(share);
            }
            assertEquals(whole, sum);
        }
    }

    @Test
    void respectsTheCurrencysMinorUnit() {
        assertEquals(List.of(Money.of("334", "JPY"), Money.of("333", "JPY"), Money.of("333", "JPY")),
                Money.of("1000", "JPY").allocate(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.001", "CNY"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", "JPY"));
    }

    @Test
    void refusesToMixCurrenciesOrSplitByNothing() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").plus(Money.of("1", "USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").allocate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").allocate(-1, 2));
    }

    @Test
    void multipliesWithBankersRounding() {
        assertEquals(Money.of("0.12", "CNY"), Money.of("1.25", "CNY").times(new BigDecimal("0.1")));
        assertEquals(Money.of("0.14", "CNY"), Money.of("1.35", "CNY").times(new BigDecimal("0.1")));
    }

    @Test
    void instalmentPartsRoundDownSoTheRemainderGoesToTheLast() {
        Money principal = Money.of("1000.00", "CNY");
        Money part = principal.divideDown(3);
        assertEquals(Money.of("333.33", "CNY"), part);
        assertEquals(Money.of("333.34", "CNY"), principal.minus(part.times(2)));
        assertEquals(Money.of("-333.33", "CNY"), principal.negate().divideDown(3), "towards zero, not down");
        assertThrows(IllegalArgumentException.class, () -> principal.divideDown(0));
    }

    @Test
    void aProportionOfTheWholeIsExactlyTheWhole() {
        Money discount = Money.of("60.00", "CNY");
        assertEquals(Money.of("20.00", "CNY"), discount.proportion(Money.of("50.00", "CNY"), Money.of("150.00", "CNY")));
        assertEquals(discount, discount.proportion(Money.of("150.00", "CNY"), Money.of("150.00", "CNY")));
        // 10.00 × 1 / 3 = 3.333… → 3.33; 0.05 × 1 / 2 = 0.025 → 0.02 (half-even)
        assertEquals(Money.of("3.33", "CNY"), Money.of("10.00", "CNY").proportion(Money.of("1", "CNY"), Money.of("3", "CNY")));
        assertEquals(Money.of("0.02", "CNY"), Money.of("0.05", "CNY").proportion(Money.of("1", "CNY"), Money.of("2", "CNY")));
        assertThrows(IllegalArgumentException.class,
                () -> discount.proportion(Money.of("1", "CNY"), Money.of("0", "CNY")));
        assertThrows(IllegalArgumentException.class,
                () -> discount.proportion(Money.of("1", "USD"), Money.of("2", "USD")));
    }

    @Test
    void sumsSignsMinimaAndTheMinorUnit() {
        Currency cny = Currency.getInstance("CNY");
        assertEquals(Money.of("0.00", "CNY"), Money.sum(cny, List.of()));
        assertEquals(Money.of("3.50", "CNY"), Money.sum(cny, List.of(Money.of("1.25", "CNY"), Money.of("2.25", "CNY"))));
        assertEquals(Money.of("0.01", "CNY"), Money.minorUnit(cny));
        assertEquals(Money.of("1", "JPY"), Money.minorUnit(Currency.getInstance("JPY")));
        assertEquals(Money.of("1.00", "CNY"), Money.of("2.00", "CNY").min(Money.of("1.00", "CNY")));
        assertEquals(Money.of("-2.00", "CNY"), Money.of("2.00", "CNY").negate());
        assertEquals(Money.of("6.03", "CNY"), Money.of("2.01", "CNY").times(3));
        assertTrue(Money.of("0.00", "CNY").isZero());
        assertTrue(Money.of("0.01", "CNY").isPositive());
        assertFalse(Money.of("-0.01", "CNY").isPositive());
        assertTrue(Money.of("-0.01", "CNY").isNegative());
    }
}
