package io.bankcrm.platform.imports;

/**
 * What an import job needs to run, stored with the job: which rows (the {@link ImportRowHandler} kind), the
 * spooled file and what was counted in it.
 */
record ImportParameters(String rows, ImportFormat format, String file, String fileSha256, long totalRows) {
}
