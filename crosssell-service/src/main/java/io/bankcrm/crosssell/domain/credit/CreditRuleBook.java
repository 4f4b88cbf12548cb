package io.bankcrm.crosssell.domain.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every version of the credit split rule. A new version applies from its effective day on; conversions before it
 * keep the version in force on their day, and a credit record keeps the version it was computed with whatever is
 * written later.
 */
public record CreditRuleBook(List<CreditSplitRule> versions) {

    public CreditRuleBook {
        List<CreditSplitRule> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingInt(CreditSplitRule::version));
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            CreditSplitRule r = sorted.get(i);
            if (r.version() != i + 1) {
                throw new IllegalArgumentException("versions run 1, 2, ... without gaps; found " + r.version()
                        + " at position " + (i + 1));
            }
            if (!days.add(r.effectiveFrom())) {
                throw new IllegalArgumentException("two versions take effect on " + r.effectiveFrom());
            }
        }
        versions = List.copyOf(sorted);
    }

    /** The version in force on {@code day}: the one with the latest effective day not after it. */
    public Optional<CreditSplitRule> inForceOn(LocalDate day) {
        return versions.stream().filter(r -> !r.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(CreditSplitRule::effectiveFrom));
    }

    /** The book with the next version added. */
    public CreditRuleBook with(java.math.BigDecimal corporatePercent, int windowDays, LocalDate effectiveFrom) {
        List<CreditSplitRule> next = new ArrayList<>(versions);
        next.add(new CreditSplitRule(versions.size() + 1, corporatePercent, windowDays, effectiveFrom));
        return new CreditRuleBook(next);
    }
}
