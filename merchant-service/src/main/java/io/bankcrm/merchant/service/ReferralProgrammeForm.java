package io.bankcrm.merchant.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A merchant's new referral programme: its code on card applications and its terms. */
@Schema(name = "ReferralProgrammeForm", example = """
        {"merchantId": "5b0c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f", "code": "MINJIANG70",
         "terms": {"rewardPerCard": 100.00, "bankShare": 30, "merchantShare": 70, "conversionDays": 60,
                   "clawbackDays": 90, "validFrom": "2026-12-01"}}""")
public record ReferralProgrammeForm(
        @NotNull UUID merchantId,
        @Schema(description = "Printed on the card application: 6 to 16 capital letters or digits")
        @NotNull @Size(min = 6, max = 16) @Pattern(regexp = "[A-Z0-9]{6,16}", message = "6 to 16 capital letters or digits")
        String code,
        @NotNull @Valid ReferralTerms terms) {
}
