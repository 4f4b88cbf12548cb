package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.offer.ExhaustionPolicy;
import io.bankcrm.merchant.domain.offer.OfferType;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * A new offer (DRAFT) at one merchant with one budget per funder. Amounts are CNY.
 *
 * @param shares  for MERCHANT_FUNDED and CO_FUNDED each funder's fraction of the amount; for FIXED_AMOUNT each
 *                funder's fraction of the fixed amount
 * @param budgets each funder's budget for the offer; every funder with a share has one
 */
@Schema(description = "A card-linked offer with per-funder budgets")
public record OfferForm(
        @NotNull java.util.UUID merchantId,
        @NotNull @Size(min = 1, max = 100) String name,
        @NotNull OfferType type,
        @NotNull @Valid FunderAmounts shares,
        @Schema(description = "FIXED_AMOUNT only: the amount off")
        @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal fixedAmount,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @Schema(description = "The days it applies on; absent or empty for every day") @Size(max = 7) List<DayOfWeek> daysOfWeek,
        @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal minAmount,
        @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal maxAmount,
        @Schema(description = "Value tier codes whose cardholders get it; absent or empty for everyone")
        @Size(max = 20) List<@Size(max = 40) String> eligibleTiers,
        @Schema(description = "Only cards the bank issued (on-us BINs)") boolean bankCardsOnly,
        @Min(1) @Max(100000) Integer usesPerCard,
        @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal capPerTransaction,
        @Schema(description = "1 is first among offers giving the same benefit") @Min(1) @Max(1000) int priority,
        @NotNull ExhaustionPolicy exhaustionPolicy,
        @NotNull @Valid FunderAmounts budgets) {

    /** One figure per funder; absent for a funder that takes no part. */
    public record FunderAmounts(
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 6) BigDecimal merchant,
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 6) BigDecimal bank,
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 6) BigDecimal network) {
    }
}
