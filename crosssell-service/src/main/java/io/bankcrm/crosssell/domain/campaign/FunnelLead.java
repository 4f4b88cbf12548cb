package io.bankcrm.crosssell.domain.campaign;

import io.bankcrm.crosssell.domain.lead.LeadLifecycle;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.platform.money.Money;

/**
 * What the funnel needs of one of a campaign's leads: its status, the furthest stage it reached and, when
 * converted, the value.
 */
public record FunnelLead(LeadStatus status, LeadStatus furthest, Money convertedValue) {

    public static FunnelLead of(LeadLifecycle lead) {
        return new FunnelLead(lead.status(), lead.furthest(),
                lead.conversion() == null ? null : lead.conversion().value());
    }
}
