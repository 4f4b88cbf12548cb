package io.bankcrm.segmentation.domain;

import io.bankcrm.segmentation.domain.Hysteresis.Decision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Domain, no container: upgrades at once, downgrades after N runs below the bar, one step, minimum time. */
class HysteresisTest {

    @Test
    void decidesTheCasesOfTheTable() {
        for (RuleCases.HysteresisCase c : RuleCases.HYSTERESIS_CASES) {
            assertEquals(new Decision(c.move(), c.rank(), c.expectedBelowBarRuns()),
                    c.rules().decide(c.currentRank(), c.targetRank(), c.belowBarRuns(), c.minTimeMet()), c.name());
        }
    }

    @Test
    void minimumTimeInTierCountsMonths() {
        for (RuleCases.TimeInTierCase c : RuleCases.TIME_IN_TIER_CASES) {
            assertEquals(c.expected(), c.rules().minTimeMet(c.since(), c.asOf()), c.since() + " to " + c.asOf());
        }
    }

    /** Month by month: a customer who dips once stays; one who stays below moves down one tier at a time. */
    @Test
    void aDipIsForgivenButAStayBelowIsNot() {
        Hysteresis rules = new Hysteresis(3, 0);
        assertEquals(List.of(2, 2, 2, 2, 2), ranks(rules, 2, 3, 2, 2, 3, 2));
        assertEquals(List.of(2, 2, 3, 3, 3, 4), ranks(rules, 2, 4, 4, 4, 4, 4, 4));
    }

    /** Runs a customer who starts in {@code start} through the computed tiers, one run per month. */
    private static List<Integer> ranks(Hysteresis rules, int start, int... computed) {
        List<Integer> ranks = new ArrayList<>();
        int rank = start;
        int below = 0;
        for (int target : computed) {
            Decision d = rules.decide(rank, target, below, true);
            rank = d.rank();
            below = d.belowBarRuns();
            ranks.add(rank);
        }
        return ranks;
    }
}
