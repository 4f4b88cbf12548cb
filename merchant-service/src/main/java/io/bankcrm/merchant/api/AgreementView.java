package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.merchant.domain.agreement.InKindObligation;
import io.bankcrm.merchant.domain.agreement.Obligor;
import io.bankcrm.merchant.service.Agreements;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A merchant's partnership agreement with its in-kind obligations; the ETag is its version. */
@Schema(name = "Agreement", example = """
        {"id": "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a", "merchantId": "5b0c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
         "signedOn": "2026-11-20", "signedBy": "ops.chen", "version": 2,
         "obligations": [{"id": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", "obligor": "BANK",
           "description": "本行在 20 家网点宣传该商户的五折优惠", "target": 20, "unit": "branches",
           "dueBy": "2026-12-31", "fulfilled": 8, "outstanding": 12, "state": "IN_PROGRESS",
           "createdAt": "2026-11-20T03:00:00Z", "createdBy": "ops.chen",
           "fulfilments": [{"quantity": 8, "on": "2026-11-28", "evidence": "鼓楼、台江等 8 家网点海报照片",
             "recordedBy": "lead.lin", "recordedAt": "2026-11-28T09:30:00Z"}]}]}""")
public record AgreementView(UUID id, UUID merchantId, LocalDate signedOn, String signedBy,
                            @Schema(description = "Raised by every obligation added and fulfilment recorded")
                            long version,
                            @Schema(maxItems = 1000) List<ObligationView> obligations) {

    /** One in-kind obligation, its progress and state as of today (the bank's date). */
    @Schema(name = "Obligation")
    public record ObligationView(UUID id, Obligor obligor, String description, int target, String unit,
                                 LocalDate dueBy,
                                 @Schema(description = "Units done so far (may exceed the target)") int fulfilled,
                                 int outstanding, InKindObligation.State state, Instant createdAt, String createdBy,
                                 @Schema(maxItems = 10000) List<FulfilmentView> fulfilments) {

        static ObligationView of(InKindObligation o, Stamp created, LocalDate today) {
            return new ObligationView(o.id(), o.obligor(), o.description(), o.target(), o.unit(), o.dueBy(),
                    o.fulfilled(), o.outstanding(), o.state(today), created.at(), created.actor(),
                    o.fulfilments().stream().map(f -> new FulfilmentView(f.quantity(), f.on(), f.evidence(),
                            f.stamp().actor(), f.stamp().at())).toList());
        }
    }

    @Schema(name = "Fulfilment")
    public record FulfilmentView(int quantity, LocalDate on, String evidence, String recordedBy, Instant recordedAt) {
    }

    static AgreementView of(Agreements.StoredAgreement stored, LocalDate today) {
        var a = stored.agreement();
        return new AgreementView(a.id(), a.merchantId(), a.signedOn(), stored.signedBy(), stored.version(),
                a.obligations().stream().map(o -> ObligationView.of(o, stored.obligationStamps().get(o.id()), today))
                        .toList());
    }
}
