package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.instalment.FeeBearer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A new instalment programme of one merchant (a merchant has at most one; a change is a new version). */
@Schema(description = "A merchant's instalment programme", example = """
        {"merchantId": "5b0c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
         "rates": [{"tenorMonths": 3, "monthlyFeeRate": 0.0075}, {"tenorMonths": 12, "monthlyFeeRate": 0.0060}],
         "feeBearer": "CARDHOLDER", "minPrincipal": 600.00}""")
public record InstalmentProgrammeForm(
        @NotNull UUID merchantId,
        @Schema(description = "One entry per tenor offered; a tenor not listed is not offered")
        @NotNull @Size(min = 1, max = 4) List<InstalmentTerms.@NotNull @Valid TenorRate> rates,
        @NotNull FeeBearer feeBearer,
        @Schema(description = "The smallest purchase (CNY) that may be paid in instalments")
        @NotNull @DecimalMin("0.01") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal minPrincipal) {

    public InstalmentTerms terms() {
        return new InstalmentTerms(rates, feeBearer, minPrincipal);
    }
}
