package io.bankcrm.crosssell.domain.roster;

/**
 * One line of an employer's staff list as submitted (JSON or CSV), before validation. It holds the employee's ID
 * number and mobile in clear only while the row is applied: they go to customer-service and are not kept.
 * {@link #toString()} masks them, so a row never lands in a log in clear.
 *
 * @param rowNumber   1 for the first data row of the file
 * @param officerRole an {@link io.bankcrm.crosssell.domain.prospect.OfficerRole} code, or blank for an employee
 * @param salaryBand  a {@link io.bankcrm.crosssell.domain.prospect.SalaryBand} code
 */
public record RosterRow(long rowNumber, String name, String idNumber, String mobile, String position,
                        String officerRole, String salaryBand) {

    @Override
    public String toString() {
        return "RosterRow[" + rowNumber + ", idNumber=" + mask(idNumber) + ", mobile=" + mask(mobile)
                + ", position=" + position + ", officerRole=" + officerRole + ", salaryBand=" + salaryBand + "]";
    }

    static String mask(String value) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        String v = value.trim();
        return v.length() <= 4 ? "****" : "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
    }
}
