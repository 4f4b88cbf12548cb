package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.service.InstalmentTerms;
import io.bankcrm.merchant.service.StoredProgramme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A merchant's instalment programme as shown; the ETag is its version. */
@Schema(name = "InstalmentProgramme", example = """
        {"id": "0e7c1a2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d", "merchantId": "5b0c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
         "rates": [{"tenorMonths": 3, "monthlyFeeRate": 0.0075}, {"tenorMonths": 12, "monthlyFeeRate": 0.0060}],
         "feeBearer": "CARDHOLDER", "minPrincipal": 600.00, "currency": "CNY", "version": 0,
         "createdAt": "2026-12-01T02:00:00Z", "createdBy": "ops.chen", "updatedAt": "2026-12-01T02:00:00Z",
         "updatedBy": "ops.chen"}""")
public record InstalmentProgrammeView(UUID id, UUID merchantId, List<InstalmentTerms.TenorRate> rates,
                                      FeeBearer feeBearer, BigDecimal minPrincipal, String currency,
                                      @Schema(description = "Raised by every change; plans keep the one they used")
                                      long version, Instant createdAt, String createdBy, Instant updatedAt,
                                      String updatedBy) {

    static InstalmentProgrammeView of(StoredProgramme stored) {
        var p = stored.programme();
        return new InstalmentProgrammeView(p.id(), p.merchantId(), p.monthlyFeeRates().entrySet().stream()
                .map(e -> new InstalmentTerms.TenorRate(e.getKey().months(), e.getValue())).toList(),
                p.feeBearer(), p.minPrincipal().amount(), p.minPrincipal().currency().getCurrencyCode(),
                stored.version(), stored.createdAt(), stored.createdBy(), stored.updatedAt(), stored.updatedBy());
    }
}
