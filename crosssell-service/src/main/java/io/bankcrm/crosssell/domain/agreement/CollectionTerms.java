package io.bankcrm.crosssell.domain.agreement;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The terms of a collection/payment agency agreement (代收代付).
 *
 * @param settlementAccount the corporate's account the collections settle to (8 to 32 digits)
 * @param payersPerMonth    payers the corporate expects each month; individual payers become prospects
 * @param feePerItem        what the corporate pays per item collected or paid; zero when waived
 */
public record CollectionTerms(CollectionCategory category, String settlementAccount, int payersPerMonth,
                              Money feePerItem) {

    public static final int MAX_PAYERS_PER_MONTH = 10_000_000;

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (category == null) {
            found.add(new Violation("category", "is required"));
        }
        TermChecks.account("settlementAccount", settlementAccount, found);
        TermChecks.between("payersPerMonth", payersPerMonth, 0, MAX_PAYERS_PER_MONTH, found);
        TermChecks.fee("feePerItem", feePerItem, found);
        return found;
    }
}
