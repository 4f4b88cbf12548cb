package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.ReferralTerms;
import io.bankcrm.merchant.service.StoredReferralProgramme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A merchant's referral programme as shown; the ETag is its version. */
@Schema(name = "ReferralProgramme", example = """
        {"id": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "merchantId": "5b0c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
         "code": "MINJIANG70", "terms": {"rewardPerCard": 100.00, "bankShare": 30, "merchantShare": 70,
         "conversionDays": 60, "clawbackDays": 90, "validFrom": "2026-12-01", "validTo": null}, "currency": "CNY",
         "version": 0, "createdAt": "2026-12-01T02:00:00Z", "createdBy": "ops.chen",
         "updatedAt": "2026-12-01T02:00:00Z", "updatedBy": "ops.chen"}""")
public record ReferralProgrammeView(UUID id, UUID merchantId, String code, ReferralTerms terms, String currency,
                                    @Schema(description = "Raised by every change; a conversion keeps the one in force")
                                    long version, Instant createdAt, String createdBy, Instant updatedAt,
                                    String updatedBy) {

    static ReferralProgrammeView of(StoredReferralProgramme stored) {
        var p = stored.programme();
        return new ReferralProgrammeView(p.id(), p.merchantId(), p.code(), new ReferralTerms(p.rewardPerCard().amount(),
                p.bankShare(), p.merchantShare(), p.conversionDays(), p.clawbackDays(), p.validFrom(), p.validTo()),
                p.rewardPerCard().currency().getCurrencyCode(), stored.version(), stored.createdAt(),
                stored.createdBy(), stored.updatedAt(), stored.updatedBy());
    }
}
