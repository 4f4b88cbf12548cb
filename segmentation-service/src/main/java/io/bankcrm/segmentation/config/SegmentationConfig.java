package io.bankcrm.segmentation.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Settings of segmentation-service. */
@ConfigMapping(prefix = "segmentation")
public interface SegmentationConfig {

    /** ISO 4217 currency all value facts and card spending are reported in; others are refused. */
    @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
    String reportingCurrency();

    Tiering tiering();

    interface Tiering {
        /** Longest a tiering run may take; its transaction is rolled back after that. */
        Duration runTimeout();

        /** PostgreSQL work_mem for a run's aggregates and sorts, e.g. 128MB; checked at start-up. */
        @jakarta.validation.constraints.Pattern(regexp = "\\d{1,6}(kB|MB|GB)", message = "must look like 128MB")
        String workMem();
    }
}
