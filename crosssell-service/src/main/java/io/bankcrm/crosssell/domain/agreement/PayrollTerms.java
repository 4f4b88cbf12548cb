package io.bankcrm.crosssell.domain.agreement;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms of a payroll agreement (代发工资).
 *
 * @param payrollAccount     the employer's settlement account the salaries are paid from (8 to 32 digits)
 * @param payDay             day of the month salaries are paid, 1 to 31; a day the month lacks means its last day
 * @param expectedHeadcount  employees the employer declared when signing (the roster may differ)
 * @param feePerPayment      what the employer pays per salary payment; zero when waived
 * @param contactNeedsApproval sensitive client: retail staff need the corporate relationship manager's approval
 *                           before contacting this employer's officers
 */
public record PayrollTerms(String payrollAccount, int payDay, int expectedHeadcount, Money feePerPayment,
                           boolean contactNeedsApproval) {

    public static final int MAX_HEADCOUNT = 1_000_000;

    /** Every rule the terms break; empty when they are valid. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        TermChecks.account("payrollAccount", payrollAccount, found);
        TermChecks.between("payDay", payDay, 1, 31, found);
        TermChecks.between("expectedHeadcount", expectedHeadcount, 1, MAX_HEADCOUNT, found);
        TermChecks.fee("feePerPayment", feePerPayment, found);
        return found;
    }

    /** The date salaries are paid in {@code month}: pay day 31 is 30 April and 28 or 29 February. */
    public LocalDate payDate(YearMonth month) {
        return month.atDay(Math.min(payDay, month.lengthOfMonth()));
    }
}
