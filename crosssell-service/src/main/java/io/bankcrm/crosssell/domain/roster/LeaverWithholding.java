package io.bankcrm.crosssell.domain.roster;

/**
 * Why the leavers a roster implies are not ended yet. Ending an employment link is not undone lightly (the
 * employee's payroll-card lead expires with it), so a roster that may be incomplete does not end anyone's.
 */
public enum LeaverWithholding {
    /** The leavers are ended. */
    NONE,
    /** Some rows were rejected or could not be applied: a rejected row may be one of the people missing. */
    ROWS_NOT_APPLIED,
    /** More of the previous roster would leave than the policy allows without confirmation (a cut-off file?). */
    TOO_MANY_LEAVERS
}
