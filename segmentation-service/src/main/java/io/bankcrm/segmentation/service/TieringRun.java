package io.bankcrm.segmentation.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A tiering run as a job: QUEUED, RUNNING (with its phase and percent done), then COMPLETED with its report or
 * FAILED with the reason. A dry run computes the same report and changes nothing.
 */
public record TieringRun(UUID id, UUID policyId, int policyVersion, String segment, String method, String asOfMonth,
                         boolean dryRun, String status, Progress progress, Long customers, String submittedBy,
                         Instant submittedAt, Instant startedAt, Instant finishedAt, String failure,
                         TieringReport report) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    public record Progress(String phase, int percent) {
    }
}
