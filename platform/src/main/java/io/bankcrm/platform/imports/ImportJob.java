package io.bankcrm.platform.imports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bankcrm.platform.jobs.JobView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bulk file being applied, as {@code GET} shows it: the shared job members ({@link JobView}: status, progress
 * as rows done of total, failure, result as {@link ImportSummary}) and the file.
 *
 * @param rows what the file holds: the {@link ImportRowHandler} kind, e.g. {@code customers}
 */
public record ImportJob(@JsonUnwrapped JobView<ImportSummary> job, String rows, ImportFormat format,
                        String fileSha256,
                        @Schema(deprecated = true, description = "progress.total") long totalRows,
                        @Schema(deprecated = true, description = "progress.done") long rowsDone,
                        @Schema(deprecated = true, description = "result.rowsAccepted") long rowsAccepted,
                        @Schema(deprecated = true, description = "result.rowsRejected") long rowsRejected) {
}
