package io.bankcrm.crosssell.domain.campaign;

import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's funnel: how many leads it generated, how many were contacted, qualified and converted (a lead lost
 * after qualification still counts as contacted and qualified), the converted value, the cost per conversion and
 * the rates between the stages. Rates are fractions with four decimals, half-even; a rate or cost with nothing to
 * divide by is null.
 *
 * @param costPerConversion actual cost divided by conversions, to the fen (half-even); null without conversions
 * @param budgetLeft        budget minus actual cost; negative when overspent
 */
public record CampaignFunnel(long leads, long contacted, long qualified, long converted, long lost, long expired,
                             long open, Money convertedValue, Money actualCost, Money costPerConversion,
                             Money budgetLeft, BigDecimal contactRate, BigDecimal qualificationRate,
                             BigDecimal conversionRate) {

    private static final int SCALE = 4;

    public static CampaignFunnel of(List<FunnelLead> leads, Money budget, Money actualCost) {
        return ofGroups(leads.stream().map(FunnelGroup::of).toList(), budget, actualCost);
    }

    /** The funnel from counted groups of leads (the same figures as {@link #of} over the leads one by one). */
    public static CampaignFunnel ofGroups(List<FunnelGroup> groups, Money budget, Money actualCost) {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(actualCost, "actualCost");
        Currency currency = budget.currency();
        if (actualCost.isNegative() || budget.isNegative()) {
            throw new IllegalArgumentException("budget and cost are not negative");
        }
        long leads = 0;
        long contacted = 0;
        long qualified = 0;
        long converted = 0;
        long lost = 0;
        long expired = 0;
        long open = 0;
        Money value = Money.zero(currency);
        for (FunnelGroup group : groups) {
            long n = group.leads();
            leads += n;
            LeadStatus furthest = group.furthest();
            if (furthest != LeadStatus.NEW) {
                contacted += n;
            }
            if (furthest == LeadStatus.QUALIFIED || furthest == LeadStatus.CONVERTED) {
                qualified += n;
            }
            switch (group.status()) {
                case CONVERTED -> {
                    converted += n;
                    value = value.plus(Objects.requireNonNull(group.convertedValue(), "a converted lead's value"));
                }
                case LOST -> lost += n;
                case EXPIRED -> expired += n;
                default -> open += n;
            }
        }
        Money perConversion = converted == 0 ? null : new Money(actualCost.amount()
                .divide(BigDecimal.valueOf(converted), actualCost.amount().scale(), RoundingMode.HALF_EVEN), currency);
        return new CampaignFunnel(leads, contacted, qualified, converted, lost, expired, open, value,
                actualCost, perConversion, budget.minus(actualCost), rate(contacted, leads),
                rate(qualified, contacted), rate(converted, leads));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_EVEN);
    }
}
