package io.bankcrm.crosssell.domain.credit;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of the rule that splits a conversion's credit between the corporate team that signed the employer
 * and the retail team that converted the employee: the corporate share in percent (the retail team has the rest)
 * and the window after the employee's link within which the corporate team shares at all.
 *
 * @param version          1, 2, ... in the order the versions were written
 * @param corporatePercent 0 to 100 with at most two decimals, e.g. 30
 * @param windowDays       the conversion must happen at most this many days after the link, 1 to 3650
 * @param effectiveFrom    the first conversion day (bank calendar) this version applies to
 */
public record CreditSplitRule(int version, BigDecimal corporatePercent, int windowDays, LocalDate effectiveFrom) {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final int MAX_WINDOW_DAYS = 3650;

    public CreditSplitRule {
        List<Violation> found = new ArrayList<>();
        if (version < 1) {
            found.add(new Violation("version", "starts at 1"));
        }
        if (corporatePercent == null) {
            found.add(new Violation("corporatePercent", "is required"));
        } else if (corporatePercent.signum() < 0 || corporatePercent.compareTo(HUNDRED) > 0) {
            found.add(new Violation("corporatePercent", "must be between 0 and 100"));
        } else if (corporatePercent.stripTrailingZeros().scale() > 2) {
            found.add(new Violation("corporatePercent", "may have at most two decimals"));
        }
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            found.add(new Violation("windowDays", "must be between 1 and " + MAX_WINDOW_DAYS));
        }
        if (effectiveFrom == null) {
            found.add(new Violation("effectiveFrom", "is required"));
        }
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
        corporatePercent = corporatePercent.setScale(2);
    }

    public BigDecimal retailPercent() {
        return HUNDRED.subtract(corporatePercent).setScale(2);
    }

    /**
     * Whether a conversion on {@code convertedOn} of an employee linked on {@code linkedOn} falls in the window:
     * from the link day to {@code windowDays} days after it, both included.
     */
    public boolean inWindow(LocalDate linkedOn, LocalDate convertedOn) {
        return !convertedOn.isBefore(linkedOn) && !convertedOn.isAfter(linkedOn.plusDays(windowDays));
    }
}
