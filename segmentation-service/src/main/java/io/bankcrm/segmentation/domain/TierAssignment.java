package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;
import java.util.List;

import static io.bankcrm.segmentation.domain.RankedCustomer.CONTRIBUTION;
import static io.bankcrm.segmentation.domain.RankedCustomer.CONTRIBUTION_RANK;
import static io.bankcrm.segmentation.domain.RankedCustomer.POPULATION;
import static io.bankcrm.segmentation.domain.RankedCustomer.PROFIT_BEFORE;
import static io.bankcrm.segmentation.domain.RankedCustomer.SCORE;
import static io.bankcrm.segmentation.domain.RankedCustomer.TOTAL_PROFIT;

/**
 * Which band of a policy a ranked customer falls in, before hysteresis: 1 is the top tier. Each method states its
 * rule twice, side by side: {@link #rank} in Java and {@link #rankSql} as the SQL a run evaluates for every
 * customer at once. Both compare exact decimals the same way; a test runs one table of cases through both.
 */
public sealed interface TierAssignment {

    int rank(RankedCustomer customer);

    String rankSql();

    static TierAssignment of(TieringMethod method, List<TierBand> bands) {
        List<BigDecimal> bounds = bands.subList(0, bands.size() - 1).stream().map(TierBand::bound).toList();
        return switch (method) {
            case PARETO -> new Pareto(bounds);
            case PERCENTILE -> new Percentile(bounds);
            case THRESHOLDS -> new Thresholds(bounds);
        };
    }

    /**
     * Band i takes the customers ranked while the profit of everyone before them is still under bound i percent
     * of the total, so the customer who crosses the line belongs to the band. A customer without profit
     * (contribution zero or below) brings no share of it and lands in the last band.
     */
    record Pareto(List<BigDecimal> profitShareUpTo) implements TierAssignment {
        @Override
        public int rank(RankedCustomer c) {
            if (c.contribution().signum() > 0) {
                BigDecimal before = c.profitBefore().multiply(Decimals.HUNDRED);
                for (int i = 0; i < profitShareUpTo.size(); i++) {
                    if (before.compareTo(c.totalProfit().multiply(profitShareUpTo.get(i))) < 0) {
                        return i + 1;
                    }
                }
            }
            return profitShareUpTo.size() + 1;
        }

        @Override
        public String rankSql() {
            StringBuilder sql = new StringBuilder("case");
            for (int i = 0; i < profitShareUpTo.size(); i++) {
                sql.append(" when ").append(CONTRIBUTION).append(" > 0 and ").append(PROFIT_BEFORE).append(" * 100 < ")
                        .append(TOTAL_PROFIT).append(" * ").append(SqlText.number(profitShareUpTo.get(i)))
                        .append(" then ").append(i + 1);
            }
            return sql.append(" else ").append(profitShareUpTo.size() + 1).append(" end").toString();
        }
    }

    /** Band i takes the customers with fewer than bound i percent of the population ranked before them. */
    record Percentile(List<BigDecimal> customerShareUpTo) implements TierAssignment {
        @Override
        public int rank(RankedCustomer c) {
            BigDecimal before = BigDecimal.valueOf(c.contributionRank() - 1).multiply(Decimals.HUNDRED);
            for (int i = 0; i < customerShareUpTo.size(); i++) {
                if (before.compareTo(BigDecimal.valueOf(c.population()).multiply(customerShareUpTo.get(i))) < 0) {
                    return i + 1;
                }
            }
            return customerShareUpTo.size() + 1;
        }

        @Override
        public String rankSql() {
            StringBuilder sql = new StringBuilder("case");
            for (int i = 0; i < customerShareUpTo.size(); i++) {
                sql.append(" when (").append(CONTRIBUTION_RANK).append(" - 1) * 100 < ").append(POPULATION)
                        .append(" * ").append(SqlText.number(customerShareUpTo.get(i))).append(" then ").append(i + 1);
            }
            return sql.append(" else ").append(customerShareUpTo.size() + 1).append(" end").toString();
        }
    }

    /** Band i takes the customers whose value score reaches its minimum score. */
    record Thresholds(List<BigDecimal> minScore) implements TierAssignment {
        @Override
        public int rank(RankedCustomer c) {
            for (int i = 0; i < minScore.size(); i++) {
                if (c.score().compareTo(minScore.get(i)) >= 0) {
                    return i + 1;
                }
            }
            return minScore.size() + 1;
        }

        @Override
        public String rankSql() {
            StringBuilder sql = new StringBuilder("case");
            for (int i = 0; i < minScore.size(); i++) {
                sql.append(" when ").append(SCORE).append(" >= ").append(SqlText.number(minScore.get(i)))
                        .append(" then ").append(i + 1);
            }
            return sql.append(" else ").append(minScore.size() + 1).append(" end").toString();
        }
    }
}
