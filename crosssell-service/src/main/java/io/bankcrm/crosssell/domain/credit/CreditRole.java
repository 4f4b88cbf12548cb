package io.bankcrm.crosssell.domain.credit;

/** Which side of the linkage a credit line rewards. */
public enum CreditRole {
    /** The corporate team and relationship manager who signed the employer. */
    CORPORATE,
    /** The retail team and member who converted the employee. */
    RETAIL
}
