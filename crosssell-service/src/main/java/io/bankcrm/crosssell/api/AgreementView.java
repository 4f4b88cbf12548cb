package io.bankcrm.crosssell.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import io.bankcrm.crosssell.domain.agreement.CollectionCategory;
import io.bankcrm.crosssell.service.Fee;
import io.bankcrm.crosssell.service.StoredAgreement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A payroll or collection agreement; the terms of the other kind are left out. */
@Schema(name = "Agreement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementView(UUID id, AgreementKind kind, UUID corporateId, String branch, UUID corporateTeamId,
                            String relationshipManager, AgreementStatus status,
                            Set<AgreementStatus> allowedTransitions,
                            String payrollAccount, Integer payDay, Integer expectedHeadcount, Fee feePerPayment,
                            Boolean contactNeedsApproval,
                            CollectionCategory category, String settlementAccount, Integer payersPerMonth,
                            Fee feePerItem,
                            long version, Instant createdAt, String createdBy, Instant updatedAt) {

    static AgreementView of(StoredAgreement a) {
        var p = a.payroll();
        var c = a.collection();
        return new AgreementView(a.id(), a.kind(), a.corporateId(), a.branch(), a.corporateTeamId(),
                a.relationshipManager(), a.status(), a.status().allowedTransitions(),
                p == null ? null : p.payrollAccount(), p == null ? null : p.payDay(),
                p == null ? null : p.expectedHeadcount(), p == null ? null : Fee.of(p.feePerPayment()),
                p == null ? null : p.contactNeedsApproval(),
                c == null ? null : c.category(), c == null ? null : c.settlementAccount(),
                c == null ? null : c.payersPerMonth(), c == null ? null : Fee.of(c.feePerItem()),
                a.version(), a.createdAt(), a.createdBy(), a.updatedAt());
    }
}
