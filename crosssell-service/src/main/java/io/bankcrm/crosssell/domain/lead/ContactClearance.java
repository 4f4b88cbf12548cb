package io.bankcrm.crosssell.domain.lead;

import java.time.Instant;

/**
 * Whether retail staff may contact the customer of a lead. For a sensitive employer's officers the corporate
 * relationship manager who signed the agreement must approve first.
 *
 * @param approvedBy null until approved (or when no approval is needed)
 */
public record ContactClearance(boolean approvalRequired, String approvedBy, Instant approvedAt) {

    public static final ContactClearance NOT_NEEDED = new ContactClearance(false, null, null);

    public ContactClearance {
        if ((approvedBy == null) != (approvedAt == null)) {
            throw new IllegalArgumentException("an approval names both who and when");
        }
    }

    public static ContactClearance pending() {
        return new ContactClearance(true, null, null);
    }

    public ContactClearance approve(String manager, Instant at) {
        if (!approvalRequired) {
            throw new IllegalStateException("this lead needs no approval");
        }
        if (manager == null || manager.isBlank()) {
            throw new IllegalArgumentException("an approval names the approving manager");
        }
        return new ContactClearance(true, manager, at);
    }

    public boolean cleared() {
        return !approvalRequired || approvedBy != null;
    }
}
