package io.bankcrm.merchant.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A referral programme's terms: the reward, its split, the windows and the sign-up period (a PUT replaces them). */
@Schema(name = "ReferralTerms", example = """
        {"rewardPerCard": 100.00, "bankShare": 30, "merchantShare": 70, "conversionDays": 60, "clawbackDays": 90,
         "validFrom": "2026-12-01", "validTo": "2027-05-31"}""")
public record ReferralTerms(
        @Schema(description = "The commission a converted card earns (CNY), before the split")
        @NotNull @DecimalMin("0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal rewardPerCard,
        @Schema(description = "The bank's percentage; with merchantShare adding up to 100") @Min(0) @Max(100)
        int bankShare,
        @Schema(description = "The merchant's percentage") @Min(0) @Max(100) int merchantShare,
        @Schema(description = "Days after the sign-up within which the card must be activated and used")
        @Min(1) @Max(366) int conversionDays,
        @Schema(description = "Days after conversion within which a closed card takes the commission back")
        @Min(0) @Max(366) int clawbackDays,
        @Schema(description = "First day of sign-ups") @NotNull LocalDate validFrom,
        @Schema(description = "Last day of sign-ups; absent while open") LocalDate validTo) {
}
