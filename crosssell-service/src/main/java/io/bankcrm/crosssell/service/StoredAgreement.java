package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import io.bankcrm.crosssell.domain.agreement.CollectionTerms;
import io.bankcrm.crosssell.domain.agreement.PayrollTerms;

import java.time.Instant;
import java.util.UUID;

/**
 * An agreement as stored: the parties, the terms of its kind (the other kind's are null), status and version.
 *
 * @param corporateTeamId the corporate team that signed it; null when not given
 */
public record StoredAgreement(UUID id, AgreementKind kind, UUID corporateId, String branch, UUID corporateTeamId,
                              String relationshipManager, PayrollTerms payroll, CollectionTerms collection,
                              AgreementStatus status, long version, Instant createdAt, String createdBy,
                              Instant updatedAt) {

    public boolean contactNeedsApproval() {
        return payroll != null && payroll.contactNeedsApproval();
    }
}
