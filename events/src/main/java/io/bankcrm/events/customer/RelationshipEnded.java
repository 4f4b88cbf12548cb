package io.bankcrm.events.customer;

import java.time.LocalDate;
import java.util.UUID;

/** A relationship ended on {@code validTo}; its history stays with the customer. */
public record RelationshipEnded(
        UUID relationshipId,
        UUID customerId,
        UUID relatedCustomerId,
        String type,
        LocalDate validTo,
        String reason) {
}
