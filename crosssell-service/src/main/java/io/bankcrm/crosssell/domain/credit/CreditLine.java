package io.bankcrm.crosssell.domain.credit;

import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One team's and member's part of a conversion: the share as a fraction of one conversion (0.30 of it counts 0.30
 * towards a count target) and the value that share is worth. The lines of one conversion add up to exactly one
 * conversion and exactly its value.
 */
public record CreditLine(CreditRole role, Credited credited, BigDecimal share, Money value) {

    public CreditLine {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(value, "value");
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a line's share is more than 0 and at most 1, not " + share);
        }
    }
}
