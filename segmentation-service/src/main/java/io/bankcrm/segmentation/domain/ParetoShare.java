package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.LongFunction;

/**
 * Where the Pareto curve is: the curve joins the points (share of customers, share of profit) after each rank, best
 * customer first, by straight lines. Its plotted points are the ranks closing each whole percent of customers
 * ({@link #ceilRank}), each at its real share of customers; the share of profit at exactly {@code p}% of customers
 * ({@link #profitShareAt}) is read off the same lines, so it lies on the curve drawn through them.
 */
public final class ParetoShare {

    private ParetoShare() {
    }

    /** The rank that closes the top {@code percent}% of {@code population} customers: ceil(n × p / 100). */
    public static long ceilRank(long population, int percent) {
        return (population * percent + 99) / 100;
    }

    /** The last rank within the top {@code percent}% of {@code population} customers: floor(n × p / 100). */
    public static long floorRank(long population, int percent) {
        return population * percent / 100;
    }

    /**
     * The share of profit, in percent to two decimals, that the top {@code percent}% of customers bring: between
     * the ranks {@link #floorRank} and {@link #ceilRank} the curve is a straight line, so the share at
     * n × p / 100 customers (12 customers: 2.4) is the cumulative profit at the rank below plus that fraction of
     * the next customer's.
     *
     * @param cumulativeProfit the profit of the customers ranked 1 to r, for r ≥ 1 (rank 0 brings nothing)
     */
    public static BigDecimal profitShareAt(int percent, long population, LongFunction<BigDecimal> cumulativeProfit,
                                           BigDecimal totalProfit) {
        if (population == 0 || totalProfit.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        long below = floorRank(population, percent);
        long above = ceilRank(population, percent);
        BigDecimal low = below == 0 ? BigDecimal.ZERO : cumulativeProfit.apply(below);
        BigDecimal profit = low;
        if (above != below) {
            // the fraction of the next customer: (n × p mod 100) / 100
            BigDecimal fraction = BigDecimal.valueOf(population * percent % 100).movePointLeft(2);
            profit = low.add(cumulativeProfit.apply(above).subtract(low).multiply(fraction));
        }
        return profit.multiply(Decimals.HUNDRED).divide(totalProfit, 2, RoundingMode.HALF_UP);
    }
}
