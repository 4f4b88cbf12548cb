package io.bankcrm.crosssell.domain.agreement;

/** The two agreements through which a corporate customer brings the bank retail prospects. */
public enum AgreementKind {
    /** 代发工资: the bank pays the employer's staff; every employee is a prospect. */
    PAYROLL,
    /** 代收代付: the bank collects from or pays the corporate's payers (utilities, tuition, premiums). */
    COLLECTION
}
