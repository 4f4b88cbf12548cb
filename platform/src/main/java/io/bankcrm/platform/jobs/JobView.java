package io.bankcrm.platform.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * What {@code GET} shows of a job, the same members for every kind; {@code result} is the kind's own summary
 * (rows accepted and rejected of an import, the counts of a tiering run). An endpoint that shows more of its kind
 * embeds this record with {@code @JsonUnwrapped} next to its own members, so every job answers in one shape.
 *
 * @param failure why a FAILED job failed, for the user: the refusal's reason, or "quote incident ..." for a fault
 * @param incident the id under which a FAILED job's failure was logged (with the stack trace, for a fault)
 * @param cancelRequested someone asked to cancel it; a running job stops at its next checkpoint
 * @param result null until the job saved one
 */
public record JobView<R>(UUID id, String kind, JobStatus status, JobProgress progress, String submittedBy,
                         Instant submittedAt, Instant startedAt, Instant finishedAt, String failure, UUID incident,
                         boolean cancelRequested, R result) {
}
