package io.bankcrm.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer record was created.
 *
 * @param kind INDIVIDUAL or CORPORATE
 * @param status the initial status (PROSPECT or ACTIVE)
 * @param displayName the individual's name or the corporate's registered name
 */
public record CustomerRegistered(
        UUID customerId,
        String kind,
        String status,
        String displayName,
        String homeBranch,
        String relationshipManager,
        String sourceChannel,
        Instant registeredAt) {
}
