package io.bankcrm.platform.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk file being applied: progress is {@code rowsDone} of {@code totalRows}; {@code rowsRejected} rows have
 * entries in the error report.
 *
 * @param status QUEUED, RUNNING, COMPLETED or FAILED (the file itself could not be read to the end)
 */
public record ImportJob(UUID id, String kind, String format, String status, long totalRows, long rowsDone,
                        long rowsAccepted, long rowsRejected, String fileSha256, String submittedBy,
                        Instant submittedAt, Instant startedAt, Instant finishedAt, String failure) {
}
