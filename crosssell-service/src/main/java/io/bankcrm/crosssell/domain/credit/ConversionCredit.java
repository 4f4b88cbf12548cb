package io.bankcrm.crosssell.domain.credit;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The credit record of one conversion, written once when the lead converts and never recomputed.
 *
 * @param rule       the split rule in force on the conversion day, frozen here; null when the conversion did not
 *                   come through a corporate, or no rule was in force
 * @param inWindow   whether the conversion fell in the rule's window after the link (false without a rule)
 * @param why        one sentence: "30.00/70.00 under rule version 2: converted 41 days after the link (window 180)"
 */
public record ConversionCredit(UUID conversionId, ProductCode product, LocalDate convertedOn, Money value,
                               CreditSplitRule rule, boolean inWindow, List<CreditLine> lines, String why) {

    public ConversionCredit {
        Objects.requireNonNull(conversionId, "conversionId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(convertedOn, "convertedOn");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a conversion credits someone");
        }
        Money sum = Money.zero(value.currency());
        BigDecimal shares = BigDecimal.ZERO;
        for (CreditLine line : lines) {
            sum = sum.plus(line.value());
            shares = shares.add(line.share());
        }
        if (!sum.equals(value) || shares.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the lines of a conversion add up to it: " + sum + " of " + value
                    + ", share " + shares);
        }
    }
}
