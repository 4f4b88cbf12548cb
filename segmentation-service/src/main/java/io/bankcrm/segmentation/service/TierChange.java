package io.bankcrm.segmentation.service;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** One change of a customer's tier or flags, by a publishing run. {@code oldTier} is null the first time. */
public record TierChange(long id, UUID runId, UUID policyId, int policyVersion, YearMonth asOfMonth, String oldTier,
                         String newTier, List<String> oldFlags, List<String> newFlags, List<String> reasons,
                         Instant changedAt) {
}
