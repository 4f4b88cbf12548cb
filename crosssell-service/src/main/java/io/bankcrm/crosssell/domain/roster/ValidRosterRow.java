package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;

/**
 * A roster row that passed validation, in canonical form: the name and position trimmed, the ID number
 * normalised (upper-case check character), the mobile trimmed or null. The ID number and mobile are for the call
 * to customer-service only; {@link #toString()} masks them.
 *
 * @param officerRole null for an employee who is not an officer
 */
public record ValidRosterRow(long rowNumber, String name, String idNumber, String mobile, String position,
                             OfficerRole officerRole, SalaryBand salaryBand) {

    /** What crosssell keeps of the row once customer-service has answered with the customer's id. */
    public RosterMember member(java.util.UUID customerId) {
        return new RosterMember(customerId, position, officerRole, salaryBand);
    }

    @Override
    public String toString() {
        return "ValidRosterRow[" + rowNumber + ", idNumber=" + RosterRow.mask(idNumber) + ", mobile="
                + RosterRow.mask(mobile) + ", position=" + position + ", officerRole=" + officerRole + ", salaryBand="
                + salaryBand + "]";
    }
}
