package io.bankcrm.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
