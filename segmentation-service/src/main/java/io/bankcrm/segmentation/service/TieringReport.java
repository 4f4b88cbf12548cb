package io.bankcrm.segmentation.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a run found, dry or publishing: the tiers after the run, how customers moved (the what-if of a dry run),
 * the profit concentration and the Pareto curve. Profit is the sum of positive contributions; customers below
 * cost are counted apart, so the curve runs from (0, 0) to (100, 100) and never above.
 *
 * @param skippedUnknownKind customers with facts in the window whose kind (retail or corporate) is not known yet
 * @param topTwentyPercentProfitShare the share of profit, in percent, that the top 20% of customers bring: the curve
 *                                    at exactly 20% of customers (between two ranks, interpolated on the line joining them)
 * @param eventsPublished tier-changed events written to the outbox; 0 for a dry run
 * @param facts where the per-customer figures the run ranked came from (null in reports stored before it was told)
 */
public record TieringReport(
        long customers,
        long skippedUnknownKind,
        BigDecimal totalContribution,
        BigDecimal totalProfit,
        long belowCostCustomers,
        BigDecimal belowCostContribution,
        BigDecimal topTwentyPercentProfitShare,
        List<TierSummary> tiers,
        Movements movements,
        List<CurvePoint> paretoCurve,
        long eventsPublished,
        FactsSource facts) {

    /**
     * Where a run's per-customer figures came from: {@value #WINDOW_FIGURES} (the maintained window figures,
     * {@code fromFigures} of them as they were and {@code recomputed} from their facts because their window ended
     * at another month) or {@value #FULL_SCAN} (one aggregate of the window's facts; {@code note} says why).
     */
    public record FactsSource(String source, long fromFigures, long recomputed, String note) {
        public static final String WINDOW_FIGURES = "WINDOW_FIGURES";
        public static final String FULL_SCAN = "FULL_SCAN";
    }

    /**
     * One tier after the run, and what happened to the customers who were in it before.
     *
     * @param before customers in the tier before the run
     * @param stayed of {@code before}, those who are still in it (including {@code held})
     * @param held of {@code stayed}, those computed below its bar but kept by hysteresis
     * @param newlyTiered customers put in this tier who had no tier on this ladder before
     */
    public record TierSummary(String tier, long customers, BigDecimal contribution, long before, long movedUp,
                              long movedDown, long stayed, long held, long newlyTiered) {
    }

    /** Totals of the moves; {@code changed} customers (tier or flags) get a tier-changed event when published. */
    public record Movements(long up, long down, long stayed, long held, long newlyTiered, long tierChanges,
                            long flagChanges, long changed) {
    }

    /** A point of the Pareto curve: the top {@code customerShare}% of customers bring {@code profitShare}% of profit. */
    public record CurvePoint(BigDecimal customerShare, BigDecimal profitShare) {
    }
}
