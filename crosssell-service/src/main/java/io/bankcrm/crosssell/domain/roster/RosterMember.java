package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;

import java.util.Objects;
import java.util.UUID;

/**
 * What crosssell keeps of an employee on an agreement's roster: the customer-service id and the roster's facts.
 * No name, ID number or mobile.
 *
 * @param officerRole null for an employee who is not an officer
 */
public record RosterMember(UUID customerId, String position, OfficerRole officerRole, SalaryBand salaryBand) {

    public RosterMember {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(salaryBand, "salaryBand");
    }

    public boolean isOfficer() {
        return officerRole != null;
    }
}
