package io.bankcrm.platform.imports;

/**
 * The result of an import job so far: rows applied and rows rejected (each with entries in the error report).
 * Saved with each chunk, in the chunk's transaction.
 */
public record ImportSummary(long rowsAccepted, long rowsRejected) {

    static final ImportSummary NONE = new ImportSummary(0, 0);

    ImportSummary plus(long accepted, long rejected) {
        return new ImportSummary(rowsAccepted + accepted, rowsRejected + rejected);
    }
}
