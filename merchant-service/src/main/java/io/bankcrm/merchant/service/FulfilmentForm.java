package io.bankcrm.merchant.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Part of an obligation done, e.g. promoted in 8 branches, with its evidence. */
@Schema(name = "FulfilmentForm")
public record FulfilmentForm(
        @Schema(description = "Units done (the total may exceed the target)", example = "8") @Min(1) @Max(1_000_000)
        int quantity,
        @Schema(description = "The day it was done; not after today") @NotNull LocalDate on,
        @Schema(description = "Where the evidence is (photos, a branch list)", example = "鼓楼、台江等 8 家网点海报照片")
        @Size(max = 500) String evidence) {
}
