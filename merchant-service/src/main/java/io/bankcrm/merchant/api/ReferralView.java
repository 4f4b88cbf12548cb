package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.referral.Referral;
import io.bankcrm.merchant.service.Referrals;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A referral as shown: ids and dates only (the applicant's personal data is in customer-service, not here). */
@Schema(name = "Referral", example = """
        {"id": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b", "programmeId": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
         "code": "MINJIANG70", "merchantId": "5b0c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
         "prospectCustomerId": "3f6d2a5e-8c1b-4e7a-9d2f-0b1c2d3e4f50", "status": "CONVERTED",
         "signedUpAt": "2026-12-01T03:00:00Z", "signedUpBy": "card-applications",
         "conversionDeadline": "2027-01-30T03:00:00Z", "activatedAt": "2026-12-05T01:00:00Z",
         "convertedAt": "2026-12-10T06:30:00Z", "commission": {"programmeVersion": 0, "total": 100.00,
         "bankPart": 30.00, "merchantPart": 70.00, "bankShare": 30, "merchantShare": 70, "currency": "CNY"},
         "clawbackDeadline": "2027-03-10T06:30:00Z", "endedAt": null, "version": 2}""")
public record ReferralView(UUID id, UUID programmeId, String code, UUID merchantId,
                           @Schema(description = "The PROSPECT customer-service registered for the applicant")
                           UUID prospectCustomerId, Referral.Status status, Instant signedUpAt, String signedUpBy,
                           Instant conversionDeadline, Instant activatedAt, Instant convertedAt,
                           @Schema(description = "Frozen at conversion; null before") CommissionView commission,
                           Instant clawbackDeadline,
                           @Schema(description = "When it was clawed back or lapsed") Instant endedAt, long version) {

    /** The commission and its split as frozen at conversion, with the programme version they came from. */
    @Schema(name = "ReferralCommission")
    public record CommissionView(long programmeVersion, BigDecimal total, BigDecimal bankPart, BigDecimal merchantPart,
                                 int bankShare, int merchantShare, String currency) {
    }

    static ReferralView of(Referrals.StoredReferral stored) {
        Referral r = stored.referral();
        var c = r.commission();
        return new ReferralView(r.id(), r.programmeId(), stored.code(), r.merchantId(), r.prospectId(), r.status(),
                r.signedUpAt(), stored.signedUpBy(), r.conversionDeadline(), r.activatedAt(), r.convertedAt(),
                c == null ? null : new CommissionView(stored.programmeVersion(), c.total().amount(), c.bank().amount(),
                        c.merchant().amount(), c.bankShare(), c.merchantShare(), c.total().currency().getCurrencyCode()),
                r.clawbackDeadline(), r.endedAt(), stored.version());
    }
}
