package io.bankcrm.crosssell.domain.roster;

import java.util.Objects;

/** A row of the new roster that customer-service registered or matched: the row number and the member it is. */
public record ResolvedRow(long rowNumber, RosterMember member) {

    public ResolvedRow {
        Objects.requireNonNull(member, "member");
    }
}
