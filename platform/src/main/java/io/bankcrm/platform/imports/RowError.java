package io.bankcrm.platform.imports;

/** Why one row of a bulk file was rejected; {@code row} counts data rows from 1 (a CSV header is row 0). */
public record RowError(long row, String field, String message) {
}
