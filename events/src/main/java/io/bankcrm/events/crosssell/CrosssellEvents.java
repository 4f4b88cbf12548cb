package io.bankcrm.events.crosssell;

import io.bankcrm.events.EventType;
import io.bankcrm.events.Topics;

/**
 * The events crosssell-service publishes on {@value Topics#CROSSSELL}, keyed by lead id. They name customers by id
 * only; the free-text reasons people give (why a lead was lost) stay in crosssell-service, since they may hold
 * personal details.
 */
public final class CrosssellEvents {

    public static final String AGGREGATE = "lead";

    public static final EventType<LeadCreated> LEAD_CREATED =
            new EventType<>(Topics.CROSSSELL, "crm.crosssell.lead-created", AGGREGATE, LeadCreated.class);
    public static final EventType<LeadAssigned> LEAD_ASSIGNED =
            new EventType<>(Topics.CROSSSELL, "crm.crosssell.lead-assigned", AGGREGATE, LeadAssigned.class);
    public static final EventType<LeadStatusChanged> LEAD_STATUS_CHANGED =
            new EventType<>(Topics.CROSSSELL, "crm.crosssell.lead-status-changed", AGGREGATE, LeadStatusChanged.class);
    public static final EventType<LeadConverted> LEAD_CONVERTED =
            new EventType<>(Topics.CROSSSELL, "crm.crosssell.lead-converted", AGGREGATE, LeadConverted.class);

    private CrosssellEvents() {
    }
}
