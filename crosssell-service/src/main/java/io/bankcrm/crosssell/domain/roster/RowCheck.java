package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.platform.domain.Violation;

import java.util.List;

/** A roster row's check: the canonical row when it passed, or every violation when it did not. */
public record RowCheck(long rowNumber, ValidRosterRow row, List<Violation> violations) {

    public RowCheck {
        violations = List.copyOf(violations);
        if ((row == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("a row is either accepted or rejected with violations");
        }
    }

    static RowCheck accepted(ValidRosterRow row) {
        return new RowCheck(row.rowNumber(), row, List.of());
    }

    static RowCheck rejected(long rowNumber, List<Violation> violations) {
        return new RowCheck(rowNumber, null, violations);
    }

    public boolean accepted() {
        return row != null;
    }
}
