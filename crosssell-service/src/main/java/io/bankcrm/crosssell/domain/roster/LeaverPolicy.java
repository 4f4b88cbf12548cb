package io.bankcrm.crosssell.domain.roster;

import java.math.BigDecimal;

/**
 * When a roster may end employment links without a person's confirmation.
 *
 * @param maxShare          the largest share of the previous roster that may leave in one roster (0 to 1)
 * @param minimumRosterSize below this many previous members the share is not checked (a team of 4 losing 3)
 * @param confirmed         the submitter confirmed the departures (a resubmission with {@code confirmLeavers})
 */
public record LeaverPolicy(BigDecimal maxShare, int minimumRosterSize, boolean confirmed) {

    public static final LeaverPolicy DEFAULT = new LeaverPolicy(new BigDecimal("0.30"), 20, false);

    public LeaverPolicy {
        if (maxShare.signum() < 0 || maxShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxShare is between 0 and 1");
        }
        if (minimumRosterSize < 0) {
            throw new IllegalArgumentException("minimumRosterSize must not be negative");
        }
    }

    public LeaverPolicy confirm() {
        return new LeaverPolicy(maxShare, minimumRosterSize, true);
    }

    boolean allows(int leavers, int previous) {
        if (confirmed || previous < minimumRosterSize || previous == 0) {
            return true;
        }
        return BigDecimal.valueOf(leavers).compareTo(maxShare.multiply(BigDecimal.valueOf(previous))) <= 0;
    }
}
