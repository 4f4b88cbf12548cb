package io.bankcrm.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Domain, no container: the THRESHOLDS value score of scale, volume and credit rating. */
class ValueScoreTest {

    @Test
    void scoresTheCasesOfTheTable() {
        for (RuleCases.ScoreCase c : RuleCases.SCORE_CASES) {
            assertEquals(new BigDecimal(c.expected()), c.score().score(new BigDecimal(c.scaleTotal()),
                    new BigDecimal(c.volumeTotal()), c.months(), c.rating()), c.name());
        }
    }

    @Test
    void ratingPointsFallWithTheGrade() {
        int previous = Integer.MAX_VALUE;
        for (CreditRating rating : CreditRating.values()) {
            assertEquals(true, rating.points() < previous, rating.name());
            previous = rating.points();
        }
        assertEquals(0, CreditRating.pointsOf(null));
    }
}
