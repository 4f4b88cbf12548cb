package io.bankcrm.crosssell.domain.campaign;

import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.platform.money.Money;

/**
 * Leads of a campaign that share a status and the furthest stage they reached, counted (what one SQL aggregate
 * gives for a campaign of 100,000 leads).
 *
 * @param leads          how many
 * @param convertedValue for CONVERTED, the sum of their values; null otherwise
 */
public record FunnelGroup(LeadStatus status, LeadStatus furthest, long leads, Money convertedValue) {

    public FunnelGroup {
        if (leads < 0) {
            throw new IllegalArgumentException("a count is not negative");
        }
    }

    public static FunnelGroup of(FunnelLead lead) {
        return new FunnelGroup(lead.status(), lead.furthest(), 1, lead.convertedValue());
    }
}
