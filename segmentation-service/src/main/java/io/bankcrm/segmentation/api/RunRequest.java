package io.bankcrm.segmentation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.YearMonth;
import java.util.UUID;

/**
 * Starts a tiering run.
 *
 * @param policyVersion the version to run; the current one when absent
 * @param asOfMonth the month the run computes tiers for (its window ends there), yyyy-MM
 * @param dryRun true to compute and report only, changing nothing and publishing nothing
 */
public record RunRequest(@NotNull UUID policyId, @Positive @Schema(minimum = "1", maximum = "2147483647") Integer policyVersion, @NotNull YearMonth asOfMonth,
                         @NotNull Boolean dryRun) {
}
