package io.bankcrm.events.segmentation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A publishing tiering run changed a customer's value tier or flags.
 *
 * @param oldTier the tier before the run; null for a customer tiered for the first time
 * @param flags BELOW_COST and/or GROWTH, when they apply
 * @param reasons sentences a relationship manager can read, e.g. "contribution rank 312 of 48,210 (top 0.6%)"
 * @param asOfMonth the month the run was computed for, yyyy-MM
 */
public record TierChanged(
        UUID customerId,
        String oldTier,
        String newTier,
        List<String> flags,
        List<String> reasons,
        UUID policyId,
        int policyVersion,
        UUID runId,
        String asOfMonth,
        Instant changedAt) {
}
