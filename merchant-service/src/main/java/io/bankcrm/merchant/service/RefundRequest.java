package io.bankcrm.merchant.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A refund the switch reports: full or partial, up to what is left of the transaction. */
@Schema(description = "A refund of a card transaction, in CNY")
public record RefundRequest(
        @Schema(description = "The switch's refund reference, the idempotency key; contains at least one letter")
        @NotNull @Size(min = 8, max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*",
                message = "8 to 64 letters, digits, _ or -, at least one letter") String refundReference,
        @NotNull @DecimalMin("0.01") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount) {
}
