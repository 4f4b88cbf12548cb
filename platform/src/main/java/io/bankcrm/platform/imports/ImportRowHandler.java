package io.bankcrm.platform.imports;

/**
 * Applies the rows of one kind of bulk file. A CDI bean; {@link #apply} runs inside the transaction of its
 * chunk. Reject a row by throwing {@link io.bankcrm.platform.problem.ProblemException}: the row is reported and
 * the rest go on. Applying the same row twice must change nothing (upsert by a natural key), so that
 * re-running a file, or resuming after a crash, creates no duplicates.
 */
public interface ImportRowHandler<T> {

    /** The job kind, e.g. {@code customers}; part of the job's identity. */
    String kind();

    /** The row type: CSV columns and NDJSON members map to its properties by name. */
    Class<T> rowType();

    /**
     * Applies one row.
     *
     * @param submittedBy the principal who submitted the file, for the audit trail of what the row changes
     */
    void apply(T row, String submittedBy);
}
