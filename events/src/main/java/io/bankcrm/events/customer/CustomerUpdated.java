package io.bankcrm.events.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Profile fields of a customer changed.
 *
 * @param changedFields names of the fields that changed (values of personal identifiers are not carried)
 */
public record CustomerUpdated(
        UUID customerId,
        String kind,
        List<String> changedFields,
        String displayName,
        String homeBranch,
        String relationshipManager,
        long version,
        Instant updatedAt) {
}
