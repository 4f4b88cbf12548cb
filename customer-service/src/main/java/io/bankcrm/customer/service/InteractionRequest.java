package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.InteractionChannel;
import io.bankcrm.customer.domain.InteractionOutcome;
import io.bankcrm.customer.domain.InteractionPurpose;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A contact to add to the history; {@code staff} defaults to the caller, {@code occurredAt} to now. */
public record InteractionRequest(
        @NotNull InteractionChannel channel,
        @NotNull InteractionPurpose purpose,
        @NotNull InteractionOutcome outcome,
        @Size(max = 100) String staff,
        Instant occurredAt,
        @Size(max = 2000) String note) {
}
