package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.lead.ContactClearance;
import io.bankcrm.crosssell.domain.lead.LeadLifecycle;
import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.OpenLead;
import io.bankcrm.crosssell.domain.lead.PriorityScore;
import io.bankcrm.crosssell.domain.product.ProductCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A lead as stored. */
public record StoredLead(UUID id, UUID customerId, ProductCode product, LeadSource source, UUID agreementId,
                         UUID employerId, UUID campaignId, LocalDate linkedOn, UUID teamId, String assignee,
                         LeadLifecycle lifecycle, Instant heldAt, PriorityScore priority, Instant slaDueAt,
                         Instant escalatedAt, ContactClearance clearance, long version, Instant createdAt,
                         String createdBy, Instant updatedAt) {

    public OpenLead open() {
        return new OpenLead(id, customerId, product, source, agreementId, lifecycle.status());
    }
}
