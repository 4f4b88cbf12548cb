package io.bankcrm.crosssell.domain.lead;

/** Contact was attempted before the corporate relationship manager approved it (a sensitive employer's officer). */
public final class ApprovalRequired extends RuntimeException {

    public ApprovalRequired() {
        super("this customer is an officer of a sensitive client: the corporate relationship manager who signed the "
                + "agreement must approve contact first");
    }
}
