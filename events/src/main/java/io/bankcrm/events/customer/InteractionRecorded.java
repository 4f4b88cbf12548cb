package io.bankcrm.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact with the customer was added to the history. The free-text note stays in customer-service: it may
 * hold personal details.
 */
public record InteractionRecorded(
        UUID interactionId,
        UUID customerId,
        String channel,
        String purpose,
        String outcome,
        String staff,
        Instant occurredAt) {
}
