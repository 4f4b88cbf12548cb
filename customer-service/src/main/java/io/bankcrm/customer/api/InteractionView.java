package io.bankcrm.customer.api;

import io.bankcrm.customer.domain.InteractionChannel;
import io.bankcrm.customer.domain.InteractionOutcome;
import io.bankcrm.customer.domain.InteractionPurpose;

import java.time.Instant;
import java.util.UUID;

/** One contact in the history. */
public record InteractionView(UUID id, UUID customerId, InteractionChannel channel, InteractionPurpose purpose,
                              InteractionOutcome outcome, String staff, Instant occurredAt, String note,
                              Instant recordedAt) {
}
