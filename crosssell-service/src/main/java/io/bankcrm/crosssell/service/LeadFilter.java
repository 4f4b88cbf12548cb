package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.LeadStatus;

import java.util.UUID;

/** What a list of leads may be narrowed to; null (false for overdue) leaves a criterion out. */
public record LeadFilter(LeadStatus status, UUID teamId, String assignee, String product, LeadSource source,
                         UUID agreementId, UUID campaignId, UUID customerId, boolean overdue) {
}
