package io.bankcrm.segmentation.domain;

import io.bankcrm.segmentation.domain.RuleCases.AssignmentCase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Domain, no container: the tier each method assigns to a ranked customer, before hysteresis. */
class TierAssignmentTest {

    @Test
    void paretoPutsTheCustomersWhoBringTheFirstShareOfProfitInTheTopTier() {
        check(RuleCases.PARETO, RuleCases.PARETO_CASES);
    }

    @Test
    void percentilePutsTheTopShareOfCustomersInTheTopTier() {
        check(RuleCases.PERCENTILE, RuleCases.PERCENTILE_CASES);
    }

    @Test
    void thresholdsCompareTheValueScoreWithEachTiersMinimum() {
        check(RuleCases.THRESHOLDS, RuleCases.THRESHOLD_CASES);
    }

    /**
     * Ten customers worked by hand: profits 400, 200, 150, 100, 50, 50, 30, 20, 0, -10 (total profit 1,000).
     * Before each: 0, 400, 600, 750, 850, 900, 950, 980, 1000, 1000. With bands up to 50/80/95% the first two
     * (before 0 and 400, under 500) are PLATINUM, the next two (600, 750 under 800) GOLD, then 850 and 900 (under
     * 950) SILVER, and the rest MASS.
     */
    @Test
    void paretoOverAWorkedExample() {
        int[] profits = {400, 200, 150, 100, 50, 50, 30, 20, 0, -10};
        List<Integer> ranks = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < profits.length; i++) {
            BigDecimal contribution = BigDecimal.valueOf(profits[i]);
            ranks.add(RuleCases.PARETO.rank(new RankedCustomer(contribution, i + 1, profits.length, before,
                    BigDecimal.valueOf(1000), null)));
            before = before.add(contribution.max(BigDecimal.ZERO));
        }
        assertEquals(List.of(1, 1, 2, 2, 3, 3, 4, 4, 4, 4), ranks);
    }

    private static void check(TierAssignment rule, List<AssignmentCase> cases) {
        for (AssignmentCase c : cases) {
            assertEquals(c.expectedRank(), rule.rank(c.customer()), c.name());
        }
    }
}
