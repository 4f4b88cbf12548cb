package io.bankcrm.segmentation.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bankcrm.platform.jobs.JobView;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TieringMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A tiering run as a job: the shared job members ({@link JobView}: QUEUED, RUNNING with its phase and percent,
 * then COMPLETED, FAILED or CANCELLED; {@code result} the run's {@link Summary}) and the run's own: what it tiers
 * and, once completed, its full report. A dry run computes the same report and changes nothing.
 *
 * @param report null until the run completed, and in lists
 */
public record TieringRun(@JsonUnwrapped JobView<Summary> job, UUID policyId, int policyVersion, Segment segment,
                         TieringMethod method, YearMonth asOfMonth, boolean dryRun,
                         @Schema(deprecated = true, description = "result.customers") Long customers,
                         TieringReport report) {

    public UUID id() {
        return job.id();
    }

    /** What a completed run found, in short: also shown in lists, where the report is not. */
    public record Summary(long customers, long changed, long eventsPublished, BigDecimal topTwentyPercentProfitShare) {

        static Summary of(TieringReport report) {
            return new Summary(report.customers(), report.movements().changed(), report.eventsPublished(),
                    report.topTwentyPercentProfitShare());
        }
    }
}
