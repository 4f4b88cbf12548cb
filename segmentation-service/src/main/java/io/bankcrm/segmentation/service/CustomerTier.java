package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.ServiceModel;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A customer's current value tier, what set it, why, and what it entitles the customer to.
 *
 * @param since the as-of month of the run that put the customer in this tier
 * @param belowBarRuns consecutive runs in which the customer was computed below this tier's bar
 * @param setBy the policy version and run that set the tier
 * @param reasons the reasons as of {@code reasonsAsOf}, the last run that changed anything about the customer
 */
public record CustomerTier(UUID customerId, Segment segment, String tier, String tierName, List<String> flags,
                           YearMonth since, int belowBarRuns, SetBy setBy, List<String> reasons, YearMonth reasonsAsOf,
                           Entitlements entitlements, Instant updatedAt) {

    public record SetBy(UUID policyId, int policyVersion, UUID runId, YearMonth asOfMonth) {
    }

    public record Entitlements(ServiceModel serviceModel, List<String> feeWaivers, int priority) {
    }
}
