package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.instalment.FeeBearer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The terms of a merchant's instalment programme: the tenors offered with their monthly fee rates, who bears the fee. */
@Schema(description = "Instalment terms: tenors (3, 6, 12, 24 months) each with its monthly fee rate, the fee bearer, "
        + "the smallest purchase financed", example = """
        {"rates": [{"tenorMonths": 3, "monthlyFeeRate": 0.0075}, {"tenorMonths": 12, "monthlyFeeRate": 0.0060}],
         "feeBearer": "CARDHOLDER", "minPrincipal": 600.00}""")
public record InstalmentTerms(
        @Schema(description = "One entry per tenor offered; a tenor not listed is not offered")
        @NotNull @Size(min = 1, max = 4) List<@NotNull @Valid TenorRate> rates,
        @Schema(description = "CARDHOLDER repays principal + fee; MERCHANT: interest-free, the fee comes off the "
                + "merchant's settlement; BANK: interest-free, the bank forgoes the fee as a subsidy")
        @NotNull FeeBearer feeBearer,
        @Schema(description = "The smallest purchase (CNY) that may be paid in instalments")
        @NotNull @DecimalMin("0.01") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal minPrincipal) {

    /** A tenor offered and its monthly fee rate (月手续费率), charged on the principal each month. */
    public record TenorRate(
            @Schema(description = "3, 6, 12 or 24") @NotNull @Min(3) @Max(24) Integer tenorMonths,
            @Schema(description = "Fraction of the principal per month, at most 0.03 and six decimals, e.g. 0.006")
            @NotNull @DecimalMin("0") @DecimalMax("0.03") @Digits(integer = 1, fraction = 6) BigDecimal monthlyFeeRate) {
    }
}
