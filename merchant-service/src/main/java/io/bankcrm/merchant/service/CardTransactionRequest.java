package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.fee.CardType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A card transaction as the acquiring switch reports it. The card is named by the switch's token and the last four
 * digits only: a full card number anywhere in the request is refused before anything is read or stored.
 */
@Schema(description = "A card transaction from the acquiring switch; never a full card number")
public record CardTransactionRequest(
        @Schema(description = "The switch's transaction reference, the idempotency key (kept for ever); it contains "
                + "at least one letter, so it can never be taken for a card number")
        @NotNull @Size(min = 8, max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*",
                message = "8 to 64 letters, digits, _ or -, at least one letter") String switchReference,
        @NotNull UUID merchantId,
        @Schema(description = "8 capital letters or digits") @NotNull @Size(min = 8, max = 8) String terminalId,
        @Schema(description = "The switch's card token, 16 to 64 letters, digits, _ or -; never the card number")
        @NotNull @Size(min = 16, max = 64) String cardToken,
        @NotNull @Size(min = 4, max = 4) @Pattern(regexp = "\\d{4}", message = "four digits") String cardLastFour,
        @Schema(description = "The card number's first six digits: a BIN of the bank's own makes the transaction on-us")
        @NotNull @Size(min = 6, max = 6) @Pattern(regexp = "\\d{6}", message = "six digits") String cardBin,
        @NotNull CardType cardType,
        @Schema(description = "The cardholder, when the bank knows them (its own cards)") UUID customerId,
        @NotNull @DecimalMin("0.01") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount,
        @Schema(description = "CNY only (422 otherwise)") @NotNull @Size(min = 3, max = 3) String currency,
        @NotNull Instant occurredAt,
        @Schema(description = "3, 6, 12 or 24 months; absent for a plain sale") @Min(3) @Max(24) Integer instalmentTenor) {
}
