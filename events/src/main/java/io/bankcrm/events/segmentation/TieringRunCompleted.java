package io.bankcrm.events.segmentation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A publishing tiering run finished; its tier changes are in the outbox ahead of this event. Keyed by run id.
 *
 * @param segment RETAIL or CORPORATE
 * @param method PARETO, PERCENTILE or THRESHOLDS
 * @param asOfMonth the month the run was computed for, yyyy-MM
 * @param customersPerTier customers in each tier after the run, top tier first
 * @param topTwentyPercentProfitShare percent of profit the top 20% of customers bring
 */
public record TieringRunCompleted(
        UUID runId,
        UUID policyId,
        int policyVersion,
        String segment,
        String method,
        String asOfMonth,
        long customers,
        long tierChanges,
        long flagChanges,
        long upgrades,
        long downgrades,
        long newlyTiered,
        Map<String, Long> customersPerTier,
        BigDecimal topTwentyPercentProfitShare,
        Instant completedAt) {
}
