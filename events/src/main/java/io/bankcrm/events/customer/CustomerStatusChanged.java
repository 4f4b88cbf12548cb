package io.bankcrm.events.customer;

import java.time.Instant;
import java.util.UUID;

/** A customer moved from one lifecycle status to another (PROSPECT, ACTIVE, DORMANT, CLOSED). */
public record CustomerStatusChanged(
        UUID customerId,
        String kind,
        String fromStatus,
        String toStatus,
        String reason,
        Instant changedAt) {
}
