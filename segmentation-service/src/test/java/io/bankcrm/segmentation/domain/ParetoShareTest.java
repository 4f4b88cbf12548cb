package io.bankcrm.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The share of profit at exactly 20% of customers, read off the curve (container-free). */
class ParetoShareTest {

    /** Cumulative profit after each rank of twelve customers bringing 30, 20, 10, 8, 7, 6, 5, 4, 3, 3, 2, 2. */
    private static final List<BigDecimal> TWELVE = cumulative(30, 20, 10, 8, 7, 6, 5, 4, 3, 3, 2, 2);

    @Test
    void twentyPercentOfTwelveCustomersIsTwoAndTwoFifthsOfThem() {
        assertEquals(2, ParetoShare.floorRank(12, 20));
        assertEquals(3, ParetoShare.ceilRank(12, 20));
        // the top two bring 50, the third 10 more: 2.4 customers bring 50 + 0.4 x 10 = 54 of 100, not the third's 60
        assertEquals(new BigDecimal("54.00"), ParetoShare.profitShareAt(20, 12, r -> TWELVE.get((int) r - 1),
                new BigDecimal("100")));
    }

    @Test
    void aWholeNumberOfCustomersNeedsNoInterpolation() {
        List<BigDecimal> ten = cumulative(40, 20, 10, 10, 5, 5, 4, 3, 2, 1);
        assertEquals(2, ParetoShare.floorRank(10, 20));
        assertEquals(2, ParetoShare.ceilRank(10, 20));
        assertEquals(new BigDecimal("60.00"), ParetoShare.profitShareAt(20, 10, r -> ten.get((int) r - 1),
                new BigDecimal("100")));
        assertEquals(200_000, ParetoShare.ceilRank(1_000_000, 20));
        assertEquals(200_000, ParetoShare.floorRank(1_000_000, 20));
    }

    @Test
    void fewerThanFiveCustomersShareTheFirstOnesProfitFromZero() {
        // one customer: 20% of them is a fifth of the first, who brings everything
        assertEquals(new BigDecimal("20.00"), ParetoShare.profitShareAt(20, 1, r -> new BigDecimal("7"),
                new BigDecimal("7")));
        assertEquals(new BigDecimal("0.00"), ParetoShare.profitShareAt(20, 0, r -> BigDecimal.ZERO, BigDecimal.ZERO));
        assertEquals(new BigDecimal("0.00"), ParetoShare.profitShareAt(20, 5, r -> BigDecimal.ZERO, BigDecimal.ZERO),
                "no profit at all");
    }

    private static List<BigDecimal> cumulative(int... profits) {
        BigDecimal sum = BigDecimal.ZERO;
        List<BigDecimal> out = new java.util.ArrayList<>();
        for (int p : profits) {
            sum = sum.add(BigDecimal.valueOf(p));
            out.add(sum);
        }
        return out;
    }
}
