package io.bankcrm.crosssell.domain.credit;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Splits a conversion's credit. A conversion that came through a payroll or collection agreement, on a day a rule
 * is in force and within its window after the link, is shared: the corporate side gets the rule's percentage, the
 * retail side the rest, the value split to the fen by the largest remainder (platform {@link Money#allocate}), so the
 * parts always add up to the value. Otherwise the retail side gets all of it. A side with a zero share gets no line.
 */
public final class CreditSplit {

    private CreditSplit() {
    }

    /**
     * @param link   how the customer came through a corporate; empty for other sources
     * @param retail the team and member who converted the lead
     */
    public static ConversionCredit credit(UUID conversionId, ProductCode product, LocalDate convertedOn, Money value,
                                          Optional<CorporateLink> link, Credited retail, CreditRuleBook rules) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a conversion's value is not negative");
        }
        if (link.isEmpty()) {
            return whole(conversionId, product, convertedOn, value, retail, null, false,
                    "all to the retail team: the lead did not come through a corporate");
        }
        CorporateLink l = link.get();
        Optional<CreditSplitRule> inForce = rules.inForceOn(convertedOn);
        if (inForce.isEmpty()) {
            return whole(conversionId, product, convertedOn, value, retail, null, false,
                    "all to the retail team: no credit split rule was in force on " + convertedOn);
        }
        CreditSplitRule rule = inForce.get();
        long days = ChronoUnit.DAYS.between(l.linkedOn(), convertedOn);
        if (!rule.inWindow(l.linkedOn(), convertedOn)) {
            String when = days < 0 ? "converted before the link" : "converted " + days + " days after the link";
            return whole(conversionId, product, convertedOn, value, retail, rule, false,
                    "all to the retail team under rule version " + rule.version() + ": " + when + " (window "
                            + rule.windowDays() + " days)");
        }
        BigDecimal corporateShare = rule.corporatePercent().divide(CreditSplitRule.HUNDRED, 4, RoundingMode.UNNECESSARY);
        BigDecimal retailShare = BigDecimal.ONE.subtract(corporateShare);
        List<Money> parts = value.allocate(List.of(rule.corporatePercent(), rule.retailPercent()));
        List<CreditLine> lines = new ArrayList<>();
        if (corporateShare.signum() > 0) {
            lines.add(new CreditLine(CreditRole.CORPORATE, l.corporate(), corporateShare, parts.get(0)));
        }
        if (retailShare.signum() > 0) {
            lines.add(new CreditLine(CreditRole.RETAIL, retail, retailShare, parts.get(1)));
        }
        return new ConversionCredit(conversionId, product, convertedOn, value, rule, true, lines,
                rule.corporatePercent().toPlainString() + "/" + rule.retailPercent().toPlainString()
                        + " under rule version " + rule.version() + ": converted " + days
                        + " days after the link (window " + rule.windowDays() + " days)");
    }

    private static ConversionCredit whole(UUID conversionId, ProductCode product, LocalDate convertedOn, Money value,
                                          Credited retail, CreditSplitRule rule, boolean inWindow, String why) {
        return new ConversionCredit(conversionId, product, convertedOn, value, rule, inWindow,
                List.of(new CreditLine(CreditRole.RETAIL, retail, BigDecimal.ONE, value)), why);
    }
}
