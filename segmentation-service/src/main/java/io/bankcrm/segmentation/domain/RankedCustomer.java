package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;

/**
 * A customer's place in a run's ranking, the input of {@link TierAssignment}. Customers are ranked by
 * contribution, highest first, ties broken by customer id; the constants name the same figures as columns of
 * the run's working table, so the SQL rules read exactly what the Java rules read.
 *
 * @param contributionRank 1 for the highest contribution
 * @param profitBefore the profit (positive contributions) of everyone ranked before this customer
 * @param totalProfit the profit of the whole population
 * @param score the value score, for the THRESHOLDS method; null otherwise
 */
public record RankedCustomer(BigDecimal contribution, long contributionRank, long population,
                             BigDecimal profitBefore, BigDecimal totalProfit, BigDecimal score) {

    public static final String CONTRIBUTION = "contribution";
    public static final String CONTRIBUTION_RANK = "contribution_rank";
    public static final String POPULATION = "population";
    public static final String PROFIT_BEFORE = "profit_before";
    public static final String TOTAL_PROFIT = "total_profit";
    public static final String SCORE = "score";
}
