package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.agreement.Obligor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An in-kind obligation to add to a merchant's agreement, e.g. the bank promotes the merchant in 20 branches. */
@Schema(name = "ObligationForm")
public record ObligationForm(
        @Schema(description = "Who owes it") @NotNull Obligor obligor,
        @Schema(description = "What is promised", example = "本行在 20 家网点宣传该商户的五折优惠")
        @NotBlank @Size(max = 500) String description,
        @Schema(description = "How many units make it fulfilled", example = "20") @Min(1) @Max(1_000_000) int target,
        @Schema(description = "What is counted", example = "branches") @NotBlank @Size(max = 50) String unit,
        @Schema(description = "The last day to fulfil it (e.g. the offer's last day)") @NotNull LocalDate dueBy) {
}
