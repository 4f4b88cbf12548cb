package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.fee.CardType;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new fee split rule: the merchant discount rate of an MCC group and card type from a day, and its shares. */
@Schema(description = "A fee split rule; never edited, only ended and succeeded")
public record FeeRuleForm(
        @NotNull MccGroup mccGroup,
        @NotNull CardType cardType,
        @NotNull LocalDate effectiveFrom,
        @Schema(description = "Last day in force (inclusive); absent while open-ended") LocalDate effectiveTo,
        @Schema(description = "The fee as a fraction of what the card is charged, e.g. 0.006")
        @NotNull @DecimalMin("0") @DecimalMax("0.05") @Digits(integer = 1, fraction = 6) BigDecimal merchantDiscountRate,
        @Min(0) @Max(1000) int issuerShare,
        @Min(0) @Max(1000) int acquirerShare,
        @Min(0) @Max(1000) int networkShare,
        @Schema(description = "The most one transaction's fee can be (CNY); absent for no cap")
        @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal capPerTransaction,
        @Schema(description = "Whether an on-us transaction still pays the network's share")
        boolean onUsViaNetwork) {
}
