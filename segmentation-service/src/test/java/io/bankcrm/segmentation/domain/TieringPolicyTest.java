package io.bankcrm.segmentation.domain;

import io.bankcrm.platform.domain.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: what makes a policy definition unusable, by field. */
class TieringPolicyTest {

    private static final Map<String, Segment> CATALOGUE = Map.of("PLATINUM", Segment.RETAIL, "GOLD", Segment.RETAIL,
            "SILVER", Segment.RETAIL, "MASS", Segment.RETAIL, "STRATEGIC", Segment.CORPORATE);

    @Test
    void aSoundParetoPolicyHasNoProblems() {
        assertEquals(List.of(), problems(pareto(12, bands("PLATINUM", "50", "GOLD", "80", "MASS", null))));
    }

    @Test
    void windowAndCountsMustBeInRange() {
        TieringPolicy policy = new TieringPolicy(null, 0, "p", Segment.RETAIL, TieringMethod.PARETO, -1,
                bands("GOLD", "80", "MASS", null), null, 0, 0, -1);
        assertEquals(List.of("windowMonths", "growthMonths", "downgradeAfterRuns", "minMonthsInTier"),
                fields(problems(policy)));
    }

    @Test
    void boundsMustRiseAndStayBelowAHundredPercent() {
        List<Violation> problems = problems(pareto(12,
                bands("PLATINUM", "80", "GOLD", "50", "SILVER", "100", "MASS", null)));
        assertEquals(List.of("bands[1].profitShareUpTo", "bands[2].profitShareUpTo"), fields(problems));
    }

    @Test
    void theLastTierTakesTheRestAndOthersNeedABound() {
        List<Violation> problems = problems(pareto(12, bands("PLATINUM", null, "GOLD", "80", "MASS", "90")));
        assertEquals(List.of("bands[0].profitShareUpTo", "bands[2].profitShareUpTo"), fields(problems));
    }

    @Test
    void tiersMustExistBelongToTheSegmentAndAppearOnce() {
        List<Violation> problems = problems(pareto(12,
                bands("PLATINUM", "10", "PLATINUM", "20", "STRATEGIC", "30", "NOPE", "40", "MASS", null)));
        assertEquals(List.of("bands[1].tier", "bands[2].tier", "bands[3].tier"), fields(problems));
        assertTrue(problems.get(1).message().contains("CORPORATE"), problems.get(1).message());
    }

    @Test
    void thresholdsGoDownFromTheHighestScoreAndNeedAScore() {
        TieringPolicy policy = new TieringPolicy(null, 0, "t", Segment.RETAIL, TieringMethod.THRESHOLDS, 3,
                bands("PLATINUM", "60", "GOLD", "80", "MASS", null), null, 3, 3, 0);
        assertEquals(List.of("bands[1].minScore", "score"), fields(problems(policy)));
    }

    @Test
    void aScoreNeedsAWeightAndPositiveFullMarks() {
        ValueScore score = new ValueScore(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ONE);
        TieringPolicy policy = new TieringPolicy(null, 0, "t", Segment.RETAIL, TieringMethod.THRESHOLDS, 3,
                bands("GOLD", "60", "MASS", null), score, 3, 3, 0);
        assertEquals(List.of("score.scaleFullMarks", "score"), fields(problems(policy)));
    }

    private static TieringPolicy pareto(int window, List<TierBand> bands) {
        return new TieringPolicy(null, 0, "p", Segment.RETAIL, TieringMethod.PARETO, window, bands, null, 3, 3, 0);
    }

    private static List<TierBand> bands(String... tierAndBound) {
        java.util.ArrayList<TierBand> bands = new java.util.ArrayList<>();
        for (int i = 0; i < tierAndBound.length; i += 2) {
            bands.add(new TierBand(tierAndBound[i], tierAndBound[i + 1] == null ? null : new BigDecimal(tierAndBound[i + 1])));
        }
        return bands;
    }

    private static List<Violation> problems(TieringPolicy policy) {
        return policy.problems(code -> Optional.ofNullable(CATALOGUE.get(code)));
    }

    private static List<String> fields(List<Violation> problems) {
        return problems.stream().map(Violation::field).toList();
    }
}
