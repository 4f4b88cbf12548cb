package io.bankcrm.crosssell.domain.roster;

import java.util.Objects;

/** An employee on both rosters whose position, officer role or salary band changed. */
public record MemberChange(long rowNumber, RosterMember before, RosterMember after) {

    public MemberChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.customerId().equals(after.customerId())) {
            throw new IllegalArgumentException("a change is of one customer");
        }
    }

    public boolean positionChanged() {
        return !before.position().equals(after.position());
    }

    public boolean salaryBandChanged() {
        return before.salaryBand() != after.salaryBand();
    }

    public boolean officerRoleChanged() {
        return before.officerRole() != after.officerRole();
    }

    /** Became an officer: an OFFICER_OF link and a wealth-management lead. */
    public boolean becameOfficer() {
        return !before.isOfficer() && after.isOfficer();
    }

    /** No longer an officer: the OFFICER_OF link ends. */
    public boolean ceasedToBeOfficer() {
        return before.isOfficer() && !after.isOfficer();
    }
}
