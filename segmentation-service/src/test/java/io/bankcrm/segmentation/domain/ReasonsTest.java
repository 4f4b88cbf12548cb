package io.bankcrm.segmentation.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Domain, no container: the wording of reasons a relationship manager reads. */
class ReasonsTest {

    @Test
    void wordsTheCasesOfTheTable() {
        for (RuleCases.ReasonCase c : RuleCases.REASON_CASES) {
            assertEquals(c.expected(), c.reasons().of(c.facts()), c.name());
        }
    }

    @Test
    void topPercentIsTenthsRoundedHalfUpAndNeverZero() {
        assertEquals("0.6", Reasons.topPercent(312, 48_210));
        assertEquals("0.1", Reasons.topPercent(1, 1_000_000));
        assertEquals("0.5", Reasons.topPercent(5, 1_000));
        assertEquals("100.0", Reasons.topPercent(7, 7));
    }
}
