package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.crosssell.domain.product.ProductCode;

import java.util.Objects;
import java.util.UUID;

/**
 * What the effect rules need of an open lead.
 *
 * @param agreementId the payroll or collection agreement the lead came through; null for other sources
 */
public record OpenLead(UUID leadId, UUID customerId, ProductCode product, LeadSource source, UUID agreementId,
                       LeadStatus status) {

    public OpenLead {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        if (!status.isOpen()) {
            throw new IllegalArgumentException("lead " + leadId + " is " + status + ", not open");
        }
    }
}
