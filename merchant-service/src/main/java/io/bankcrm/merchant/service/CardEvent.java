package io.bankcrm.merchant.service;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What the card system saw of a referred card; repeated or late events change nothing. */
@Schema(name = "ReferralCardEvent", example = """
        {"type": "FIRST_PURCHASE", "at": "2026-12-10T06:30:00Z"}""")
public record CardEvent(@NotNull Type type, @Schema(description = "When it happened; not in the future") @NotNull Instant at) {

    public enum Type { ACTIVATED, FIRST_PURCHASE, CLOSED }
}
